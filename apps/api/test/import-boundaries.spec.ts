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
    expect(lint('apps/api/src/modules/example/example.service.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n")).not.toContain('no-restricted-imports');
  });
});
