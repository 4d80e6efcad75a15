import fs from 'node:fs';
import path from 'node:path';
import { concatAST, parse, print, separateOperations } from 'graphql';

const PORTAL_SRC = path.join(__dirname, '../../portal/src');

/** One of the portal's own operations, printed with every fragment it uses (fragments live in several files). */
export function portalOperation(name: string) {
  const files = fs.readdirSync(PORTAL_SRC, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.graphql'));
  const operations = separateOperations(concatAST(files.map((file) => parse(fs.readFileSync(path.join(PORTAL_SRC, file), 'utf8')))));
  const operation = operations[name];
  if (!operation) throw new Error(`The portal has no operation named ${name}.`);
  return print(operation);
}
