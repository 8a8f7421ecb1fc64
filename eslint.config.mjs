import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const API_SRC = path.join(ROOT, 'apps/api/src');
const WEB_SRC = path.join(ROOT, 'apps/web/src');

// Resolves an import specifier to an absolute path inside the repo (or undefined for packages).
function resolveSpecifier(file, specifier) {
  if (specifier.startsWith('.')) return path.resolve(path.dirname(file), specifier);
  if (specifier.startsWith('@/') && file.startsWith(`${WEB_SRC}${path.sep}`)) {
    return path.join(WEB_SRC, specifier.slice(2));
  }
  if (specifier.startsWith('src/') && file.startsWith(`${API_SRC}${path.sep}`)) {
    return path.join(API_SRC, '..', specifier);
  }
  return undefined;
}

const inside = (file, dir) => file.startsWith(`${dir}${path.sep}`) || file === dir;
const moduleOf = (file) => {
  const rel = path.relative(path.join(API_SRC, 'modules'), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep)[0];
};
// `modules/<m>`, `modules/<m>/index` or `modules/<m>/index.ts`: a module's one public file.
const isModuleIndex = (target, mod) => {
  const rel = path.relative(path.join(API_SRC, 'modules', mod), target);
  return rel === '' || /^index(\.[cm]?[jt]s)?$/.test(rel);
};
const featureOf = (file) => {
  const rel = path.relative(path.join(WEB_SRC, 'features'), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep)[0];
};

// Architecture boundaries from STYLE.md: infra never imports modules; an API module imports
// another only through its public file (`modules/<m>/index.ts`); web features never import each
// other (pages in app/ compose them). Resolved paths, so relative and alias imports both count.
const boundaries = {
  rules: {
    imports: {
      meta: {
        type: 'problem',
        schema: [],
        messages: {
          infraImportsModule: 'apps/api/src/infra must not import from modules/ ({{target}}).',
          moduleDeepImport:
            'Module "{{from}}" must import module "{{to}}" only from its public file modules/{{to}} (index.ts), not {{target}}.',
          featureImportsFeature:
            'Feature "{{from}}" must not import feature "{{to}}"; compose them in app/ or move shared code to lib/ or components/.',
        },
      },
      create(context) {
        const file = context.filename;
        const check = (node, source) => {
          if (typeof source !== 'string') return;
          const target = resolveSpecifier(file, source);
          if (!target) return;
          if (
            inside(file, path.join(API_SRC, 'infra')) &&
            inside(target, path.join(API_SRC, 'modules'))
          ) {
            context.report({
              node,
              messageId: 'infraImportsModule',
              data: { target: path.relative(API_SRC, target) },
            });
          }
          const fromModule = moduleOf(file);
          const toModule = moduleOf(target);
          if (
            fromModule &&
            toModule &&
            fromModule !== toModule &&
            !isModuleIndex(target, toModule)
          ) {
            context.report({
              node,
              messageId: 'moduleDeepImport',
              data: { from: fromModule, to: toModule, target: path.relative(API_SRC, target) },
            });
          }
          const from = featureOf(file);
          const to = featureOf(target);
          if (from && to && from !== to) {
            context.report({ node, messageId: 'featureImportsFeature', data: { from, to } });
          }
        };
        const fromSource = (node) => node.source && check(node.source, node.source.value);
        return {
          ImportDeclaration: fromSource,
          ExportNamedDeclaration: fromSource,
          ExportAllDeclaration: fromSource,
          ImportExpression: (node) =>
            node.source.type === 'Literal' && check(node.source, node.source.value),
          'CallExpression[callee.name="require"]': (node) =>
            node.arguments[0]?.type === 'Literal' &&
            check(node.arguments[0], node.arguments[0].value),
        };
      },
    },
  },
};

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    '**/coverage/',
    '.data/',
    '.test-services/',
    'test-results/',
    'libs/contracts/src/http/openapi.d.ts',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { orgo: boundaries, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.cts', '.mts', '.js', '.jsx', '.cjs', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.cts', '.mts'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [
            'apps/api/tsconfig.json',
            'apps/web/tsconfig.json',
            'libs/contracts/tsconfig.json',
          ],
          noWarnOnMultipleProjects: true,
        }),
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'],
        }),
      ],
    },
    rules: {
      'orgo/imports': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // NestJS injects through emitted decorator metadata: a type-only import of an injected class
    // would erase the runtime reference, so the API keeps plain imports.
    files: ['apps/api/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Tests read arbitrary JSON bodies; typing every response shape there buys nothing.
    files: ['apps/api/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/web/e2e/**/*.ts', 'apps/web/*.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
