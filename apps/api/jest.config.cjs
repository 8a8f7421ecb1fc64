const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

// NestJS 12, jose and oauth2-mock-server (with basic-auth) ship ESM only; jest's CommonJS runtime
// needs them transformed.
const transformIgnorePatterns = [
  '/node_modules/(?!(\\.pnpm|@nestjs|@orgo|@tokenizer|@borewit|basic-auth|file-type|jose|oauth2-mock-server|strtok3|token-types|uint8array-extras)/)',
];
const common = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns,
  moduleNameMapper: { '^@orgo/contracts$': '<rootDir>/../../libs/contracts/src/index.ts' },
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  // jest-circus reads the timeout from the global config only; inside a project it is ignored and
  // every e2e hook that starts an API process would get 5 s on a busy machine.
  testTimeout: 60000,
};
