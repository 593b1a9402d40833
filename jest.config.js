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
	// A worker that ran many test files holds about 1 GB (n8n-core is loaded afresh for each file),
	// and freeing that at exit took longer than the 500 ms jest-worker allows: every full run ended
	// with "A worker process has failed to exit gracefully" although no handle was left open (the
	// workers reached their 'exit' event 1 ms after jest asked them to stop). Recycling a worker
	// above 500 MB between files keeps the exit quick; the run takes as long as before.
	workerIdleMemoryLimit: '500MB',
};
