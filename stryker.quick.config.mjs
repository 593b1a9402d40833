// `npm run mutate:quick`: the transport's modules of pure logic (errors, redaction, addresses,
// logins, origins, headers, the rate limit) against its fast tests (jest.quick.config.js), in
// minutes rather than hours. Not a score: a mutant that survives here may be killed by a node
// test. It lists candidates; check each by planting it by hand, or by the sample
// (`npm run mutate:sample`), which gives the score in docs/testing.md.
import base from './stryker.transport.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...base,
	mutate: [
		'nodes/shared/transport/errors.ts',
		'nodes/shared/transport/redact.ts',
		'nodes/shared/transport/url.ts',
		'nodes/shared/transport/login.ts',
		'nodes/shared/transport/origin.ts',
		'nodes/shared/transport/authenticate.ts',
		'nodes/shared/transport/rateLimit.ts',
	],
	jest: { ...base.jest, configFile: 'jest.quick.config.js' },
	timeoutMS: 10000,
	htmlReporter: { fileName: 'reports/mutation/quick.html' },
	jsonReporter: { fileName: 'reports/mutation/quick.json' },
};
