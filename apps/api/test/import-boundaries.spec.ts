import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** Lints `code` as if it were the file at `file` (relative to the repository), with the repository's own config. */
function lint(file: string, code: string) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null }[] }[];
  return report!.messages.map((message) => message.ruleId);
}

describe('import boundaries (docs/architecture.md)', () => {
  it('keeps common/ from importing a feature', () => {
    expect(lint('apps/api/src/common/example.ts', "import { UserEntity } from '../modules/users/user.entity';\nexport const x = UserEntity;\n")).toContain('no-restricted-imports');
    expect(lint('apps/api/src/common/example.ts', "import { forbidden } from './errors';\nexport const x = forbidden;\n")).not.toContain('no-restricted-imports');
  });

  it('keeps frameworks out of the domain package', () => {
    expect(lint('packages/domain/src/example.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n")).toContain('no-restricted-imports');
    expect(lint('packages/domain/src/example.ts', "import { useState } from 'react';\nexport const x = useState;\n")).toContain('no-restricted-imports');
    expect(lint('packages/domain/src/example.ts', "import { z } from 'zod';\nexport const x = z;\n")).not.toContain('no-restricted-imports');
  });

  it('lets the portal reach the API only through GraphQL', () => {
    expect(lint('apps/portal/src/example.ts', "import { CaseloadService } from '../../api/src/modules/caseload/caseload.service';\nexport const x = CaseloadService;\n")).toContain('no-restricted-imports');
    expect(lint('apps/portal/src/example.ts', "import { ROLES } from '@attune/domain';\nexport const x = ROLES;\n")).not.toContain('no-restricted-imports');
  });

  it('keeps the database out of resolvers', () => {
    expect(lint('apps/api/src/modules/example/example.resolver.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n")).toContain('no-restricted-imports');
    expect(lint('apps/api/src/modules/example/example.resolver.ts', "import { InjectRepository } from '@nestjs/typeorm';\nexport const x = InjectRepository;\n")).toContain('no-restricted-imports');
  });

  it('keeps queries out of services: they open transactions and hand them to the repository', () => {
    const service = 'apps/api/src/modules/example/example.service.ts';
    const header = "import { DataSource, type EntityManager } from 'typeorm';\nexport class ExampleService {\n  constructor(private readonly dataSource: DataSource) {}\n";
    const method = (body: string) => `${header}  run(manager: EntityManager) {\n    ${body}\n  }\n}\n`;
    // A transaction opened and handed on is what a service does.
    expect(lint(service, method('return this.dataSource.transaction(async (tx) => [manager, tx]);'))).toEqual([]);
    // Queries through the data source, a transaction or a query builder are the repository's.
    expect(lint(service, method("return this.dataSource.query('SELECT 1');"))).toContain('no-restricted-syntax');
    expect(lint(service, method("return this.dataSource.getRepository('users').findOneBy({});"))).toContain('no-restricted-syntax');
    expect(lint(service, method("return manager.update('users', {}, {});"))).toContain('no-restricted-syntax');
    expect(lint(service, method("return this.dataSource.manager.findOne('users', {});"))).toContain('no-restricted-syntax');
    expect(lint(service, method("return manager.createQueryBuilder().delete().execute();"))).toContain('no-restricted-syntax');
    // So are TypeORM's operators and repositories.
    expect(lint(service, "import { IsNull } from 'typeorm';\nexport const x = IsNull;\n")).toContain('no-restricted-imports');
    expect(lint(service, "import { Repository } from 'typeorm';\nexport type X = Repository<object>;\n")).toContain('no-restricted-imports');
    expect(lint(service, "import { InjectRepository } from '@nestjs/typeorm';\nexport const x = InjectRepository;\n")).toContain('no-restricted-imports');
    // A repository is where they belong.
    expect(lint('apps/api/src/modules/example/example.repository.ts', "import { IsNull } from 'typeorm';\nexport const x = IsNull;\n")).toEqual([]);
  });
});
