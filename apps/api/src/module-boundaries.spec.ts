import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The repo's ESLint config (eslint.config.mjs) run on in-memory files: a module reaches another
// only through its public file, `modules/<m>/index.ts`.
const ROOT = path.resolve(__dirname, '../../..');
const API = 'apps/api';

interface Fixture {
  file: string;
  code: string;
}

// ESLint and its config are ES modules; jest's CommonJS runtime cannot load them, so one child
// process lints every fixture and prints the boundary rule's messages per fixture.
function boundaryMessages(fixtures: Fixture[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const fixtures = JSON.parse(process.env.FIXTURES);
    const eslint = new ESLint({ overrideConfig: { rules: { 'import-x/no-cycle': 'off' } } });
    const out = [];
    for (const f of fixtures) {
      const [result] = await eslint.lintText(f.code, { filePath: f.file });
      out.push(result.messages.filter((m) => m.ruleId === 'orgo/imports' || m.fatal).map((m) => m.message));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, FIXTURES: JSON.stringify(fixtures) },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`eslint failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const deep = (to: string) => new RegExp(`must import module "${to}" only from its public file`);

describe('boundary lint: modules import each other only through their index', () => {
  const cases: Array<Fixture & { name: string; refused: RegExp | null }> = [
    {
      name: 'a deep import of another module',
      file: `${API}/src/modules/chat/fixture.ts`,
      code: "import { UserEntity } from '../user/entities/user.entity';\nexport const e = UserEntity;\n",
      refused: deep('user'),
    },
    {
      name: 'a type-only deep import',
      file: `${API}/src/modules/user/fixture.ts`,
      code: "import type { AuthService } from '../auth/auth.service';\nexport type A = AuthService;\n",
      refused: deep('auth'),
    },
    {
      name: 'a re-export of a deep file, from a nested folder',
      file: `${API}/src/modules/chat/dto/fixture.ts`,
      code: "export { MediaService } from '../../media/media.service';\n",
      refused: deep('media'),
    },
    {
      name: 'a deep import through the src/ alias',
      file: `${API}/src/modules/auth/oauth/fixture.ts`,
      code: "import { UserService } from 'src/modules/user/user.service';\nexport const s = UserService;\n",
      refused: deep('user'),
    },
    {
      name: "another module's index",
      file: `${API}/src/modules/chat/fixture.ts`,
      code: "import { UserEntity } from '../user';\nimport { MediaService } from '../media/index';\nexport const e = [UserEntity, MediaService];\n",
      refused: null,
    },
    {
      name: "the module's own deep files (auth/oauth is inside auth)",
      file: `${API}/src/modules/auth/oauth/fixture.ts`,
      code: "import { AuthService } from '../auth.service';\nimport { UserService } from '../../user';\nexport const s = [AuthService, UserService];\n",
      refused: null,
    },
    {
      name: 'infra, not a module',
      file: `${API}/src/modules/user/fixture.ts`,
      code: "import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';\nexport const g = JwtAuthGuard;\n",
      refused: null,
    },
    {
      name: 'infra importing a module, even its index',
      file: `${API}/src/infra/auth/fixture.ts`,
      code: "import { UserModule } from '../../modules/user';\nexport const m = UserModule;\n",
      refused: /infra must not import from modules/,
    },
    {
      name: 'e2e tests, which may reach internals',
      file: `${API}/test/e2e/fixture.ts`,
      code: "import { UserService } from '../../src/modules/user/user.service';\nexport const s = UserService;\n",
      refused: null,
    },
  ];

  let results: string[][];
  beforeAll(() => {
    results = boundaryMessages(cases);
  });

  it.each(cases.map((c, i) => [c.refused ? 'refuses' : 'allows', c.name, i] as const))(
    '%s %s',
    (_verdict, _name, i) => {
      const { refused } = cases[i];
      const messages = results[i];
      if (refused === null) expect(messages).toEqual([]);
      else expect(messages).toEqual([expect.stringMatching(refused)]);
    },
  );
});
