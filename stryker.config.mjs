// Mutation testing: `npm run mutate` (see CONTRIBUTING.md, "Mutation testing"). Not run in CI.
// Mutates the code where a silent bug costs users most, and runs the whole jest suite against
// each mutant, limited (coverageAnalysis perTest) to the tests that ran the mutated code.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	packageManager: 'npm',
	testRunner: 'jest',
	jest: { projectType: 'custom', configFile: 'jest.stryker.config.js', enableFindRelatedTests: false },
	coverageAnalysis: 'perTest',
	checkers: ['typescript'],
	tsconfigFile: 'tsconfig.json',
	typescriptChecker: { prioritizePerformanceOverAccuracy: true },
	mutate: ['nodes/shared/**/*.ts', 'credentials/**/*.ts'],
	ignorePatterns: ['.cache', 'dist', 'bench', 'examples', 'reports', 'coverage', 'test/e2e'],
	concurrency: 2,
	// the suite runs in one process for the coverage run; on a busy 2-core machine that is slow
	dryRunTimeoutMinutes: 45,
	timeoutMS: 30000,
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/index.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always',
};
