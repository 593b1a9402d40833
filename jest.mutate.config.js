// The tests `npm run mutate:transport` runs against each mutant of nodes/shared/transport/:
// the transport's own tests, the credentials, session expiry, redaction (User), errors and item
// indexes, and pagination at a server cap below the page size.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	// session-renewal.test.ts times session lifetimes of a few seconds: under the instrumentation
	// on a busy machine it fails before any mutant runs, so it stays out (npm test runs it).
	testPathIgnorePatterns: [
		...base.testPathIgnorePatterns,
		'/test/transport/session-renewal.test.ts',
	],
	testMatch: [
		'<rootDir>/test/transport/**/*.test.ts',
		'<rootDir>/test/credentials/**/*.test.ts',
		'<rootDir>/test/reliability/session-expiry.test.ts',
		'<rootDir>/test/nodes/SquadusUser/**/*.test.ts',
		'<rootDir>/test/nodes/item-index.test.ts',
		'<rootDir>/test/nodes/pagination-cap.test.ts',
		'<rootDir>/test/nodes/SquadusChangelog/**/*.test.ts',
	],
};
