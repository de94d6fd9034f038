/** One jest run over every project; `--selectProjects core` narrows it. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, target: 'es2022' } }];
const moduleNameMapper = {
  '^@maillage/core$': '<rootDir>/libs/core/src/index.ts',
  '^@maillage/adapters$': '<rootDir>/libs/adapters/src/index.ts',
  '^@maillage/media$': '<rootDir>/libs/media/src/index.ts',
  '^@maillage/media/protocol$': '<rootDir>/libs/media/src/protocol/index.ts',
  '^@maillage/seed-data$': '<rootDir>/tools/seed/network-data.ts',
};
const project = (name, root, extra = {}) => ({
  displayName: name,
  rootDir: __dirname,
  roots: [`<rootDir>/${root}`],
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper,
  ...extra,
});
module.exports = {
  // NestJS 12 is ESM, loaded through require(esm); its GraphQL type metadata is process-global, so a
  // worker must not run a second API test file: recycle workers after every file.
  workerIdleMemoryLimit: '1KB',
  maxWorkers: 2,
  testTimeout: 60_000,
  projects: [
    project('core', 'libs/core'),
    project('adapters', 'libs/adapters', { globalSetup: '<rootDir>/libs/adapters/test/global-setup.mjs' }),
    project('media', 'libs/media', { globalSetup: '<rootDir>/libs/media/test/global-setup.mjs' }),
    project('tools', 'tools', { testMatch: ['<rootDir>/tools/**/*.spec.ts'], testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tools/bench/'] }),
    project('api', 'apps/api', {
      globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
      globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/api/test/browser/'],
    }),
    // The web app: its unit specs (apps/admin/src) and the browser tests (Debian chromium + the real API,
    // in apps/api/test/browser because they start the API through its test harness). Same global setup
    // file as `api`: jest runs it once when both projects run.
    {
      ...project('admin', 'apps/admin', {
        globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
        globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
        setupFiles: ['reflect-metadata'],
        testPathIgnorePatterns: ['/node_modules/', '/dist/'],
      }),
      roots: ['<rootDir>/apps/admin', '<rootDir>/apps/api/test/browser'],
    },
  ],
};
