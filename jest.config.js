// ESM jest: the @actions/* packages are ESM-only, so tests run with
// --experimental-vm-modules and mock modules with jest.unstable_mockModule.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }]
  },
  // Sources import siblings as './x.js' (NodeNext); map them back to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testTimeout: 60000,
  // jest's transform cache stays in the project (its default is jest_<uid> in the system temp folder).
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  // Each run gets an empty TMPDIR and must leave it empty (__tests__/setup).
  globalSetup: '<rootDir>/__tests__/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/__tests__/setup/global-teardown.mjs',
  verbose: false,
  // `npm test` collects coverage (--coverage): V8's, for src/ as the unit tests
  // load it; scripts/coverage.mjs merges it with the bundle's coverage from the
  // e2e tests' child processes and prints the summary.
  coverageProvider: 'v8',
  collectCoverageFrom: ['src/**/*.ts'],
  coverageDirectory: 'coverage/jest',
  coverageReporters: ['json']
}
