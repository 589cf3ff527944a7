// Type-aware lint, plus the dependency rule of docs/architecture.md enforced as import bans:
// domain <- codes <- rules <- edi (X12, no I/O); rules <- app <- storage/cbp <- api/cli; domain/codes/rules/edi <- config (settings, files) <- api/cli; files (Node file helpers) <- storage/cbp/api/cli.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const layers = [
  'files',
  'config',
  'domain',
  'codes',
  'rules',
  'csv',
  'edi',
  'documents',
  'app',
  'storage',
  'cbp',
  'mail',
  'api',
  'cli',
  'web',
];

/** Builds a no-restricted-imports rule that forbids the named layers (relative imports). */
function forbid(layer, banned, extra = []) {
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...banned.map((b) => ({
              group: [`../${b}/*`, `../../${b}/*`, `../../../${b}/*`, `../${b}`, `../../${b}`],
              message: `src/${layer} may not import src/${b} (see docs/architecture.md, dependency rule).`,
            })),
            ...extra,
          ],
        },
      ],
    },
  };
}

const nodeOnly = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'better-sqlite3', 'pg'],
  message: 'This layer also runs in the browser: no Node-only imports.',
};

const noEnv = (layer) => ({
  files: [`src/${layer}/**/*.ts`],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-properties': [
      'error',
      { object: 'process', property: 'env', message: 'Only api/ and cli/ read process.env.' },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  forbid(
    'domain',
    layers.filter((l) => l !== 'domain'),
    [nodeOnly],
  ),
  forbid(
    'codes',
    layers.filter((l) => !['domain', 'codes'].includes(l)),
    [nodeOnly],
  ),
  forbid(
    'rules',
    layers.filter((l) => !['domain', 'codes', 'rules'].includes(l)),
    [nodeOnly],
  ),
  forbid(
    'config',
    layers.filter((l) => !['files', 'config', 'domain', 'codes', 'rules', 'edi'].includes(l)),
  ),
  // edi writes and reads X12 text only: no I/O, so it runs anywhere (tests may read fixtures).
  forbid(
    'edi',
    layers.filter((l) => !['domain', 'codes', 'rules', 'edi'].includes(l)),
    [nodeOnly],
  ),
  {
    ...forbid(
      'edi',
      layers.filter((l) => !['domain', 'codes', 'rules', 'edi'].includes(l)),
    ),
    files: ['src/edi/**/*.test.ts'],
  },
  // Paperwork is pure: trip data in, PDF bytes out; fonts and logos come in as bytes.
  forbid(
    'documents',
    ['files', 'config', 'csv', 'edi', 'app', 'storage', 'cbp', 'api', 'cli', 'web'],
    [
      {
        group: ['node:fs', 'node:fs/*', 'fs', 'fs/*', 'node:child_process', 'child_process'],
        message: 'src/documents returns bytes: no file or process I/O (docs/architecture.md).',
      },
    ],
  ),
  // Node file helpers that know nothing of the trade, for every server layer that touches files.
  forbid(
    'files',
    layers.filter((l) => l !== 'files'),
  ),
  forbid('app', ['files', 'config', 'storage', 'cbp', 'mail', 'api', 'cli', 'web']),
  forbid('storage', ['config', 'cbp', 'mail', 'api', 'cli', 'web']),
  forbid('cbp', ['config', 'storage', 'mail', 'api', 'cli', 'web']),
  // Outgoing e-mail implements the app's Mailer port, like storage implements the Store.
  forbid('mail', ['config', 'storage', 'cbp', 'api', 'cli', 'web']),
  forbid('api', ['cli', 'web']),
  ...['config', 'domain', 'codes', 'rules', 'edi', 'documents', 'app', 'storage', 'mail'].map(
    noEnv,
  ),
  // The web app runs in the browser and talks to the API over HTTP: it may share the domain,
  // codes and rules (the same validation) and the API's schema *types*, never server code.
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          // Two or more `../` leave src/web (its own app/ and features/*/api/ are nearer).
          patterns: [
            {
              regex: '^(\\.\\./){2,}(app|storage|cbp|cli|files)(/|$)',
              message: 'src/web may not import server layers (see docs/architecture.md).',
            },
            {
              regex: '^(\\.\\./){2,}api(/|$)',
              allowTypeImports: true,
              message: 'src/web may import only types from src/api (import type …).',
            },
            nodeOnly,
          ],
        },
      ],
    },
  },
);
