/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/.cache/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	setupFiles: ['<rootDir>/test/harness/env.ts'],
	// Secret scan over every run of the suite (test/reliability/secret-scan.ts).
	globalSetup: '<rootDir>/test/reliability/global-setup.ts',
	globalTeardown: '<rootDir>/test/reliability/global-teardown.ts',
	testTimeout: 60_000,
	maxWorkers: 2,
};
