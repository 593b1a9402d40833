// The tests `npm run mutate:transport` runs against each mutant of nodes/shared/transport/:
// the transport's own tests, the credentials, the Auth node's logins, the hostile servers
// (redirects, echoed secrets, endless pages, cut connections), session expiry, redaction (User),
// errors and item indexes, and pagination at a server cap below the page size.
const base = require('./jest.stryker.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	testMatch: [
		'<rootDir>/test/transport/**/*.test.ts',
		'<rootDir>/test/credentials/**/*.test.ts',
		'<rootDir>/test/nodes/SquadusAuth/**/*.test.ts',
		'<rootDir>/test/reliability/hostile/**/*.test.ts',
		'<rootDir>/test/reliability/session-expiry.test.ts',
		'<rootDir>/test/nodes/SquadusUser/**/*.test.ts',
		'<rootDir>/test/nodes/item-index.test.ts',
		'<rootDir>/test/nodes/pagination-cap.test.ts',
		'<rootDir>/test/nodes/SquadusChangelog/**/*.test.ts',
	],
};
