// The fast tests of the transport (no node run, seconds in all), for `npm run mutate:quick`.
const base = require('./jest.stryker.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	testMatch: [
		'<rootDir>/test/transport/defences.test.ts',
		'<rootDir>/test/transport/errors.test.ts',
		'<rootDir>/test/transport/redact.test.ts',
		'<rootDir>/test/transport/login-answer.test.ts',
		'<rootDir>/test/transport/rate-limit-edges.test.ts',
		'<rootDir>/test/transport/session-race.test.ts',
	],
};
