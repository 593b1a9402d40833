// `npm run mutate:transport`: the transport alone, against the tests that drive it (jest.mutate.config.js),
// no type checker: a run that fits a busy 2-core machine. The score in docs/testing.md comes from it.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...base,
	mutate: ['nodes/shared/transport/**/*.ts'],
	jest: { ...base.jest, configFile: 'jest.mutate.config.js' },
	checkers: [],
	htmlReporter: { fileName: 'reports/mutation/transport.html' },
	jsonReporter: { fileName: 'reports/mutation/transport.json' },
};
