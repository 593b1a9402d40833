// Jest globalTeardown: no password, token or TOTP secret may appear in any output item, error
// or log line of the whole test suite (recorded by test/harness/secret-log.ts).
import { rmSync } from 'fs';

import { DEMO_SECRETS } from '../sandbox';
import { describeLeaks, findLeaks } from './secret-scan';

export default function globalTeardown() {
	const dir = process.env.SQUADUS_SECRET_SCAN_DIR;
	if (!dir) return;
	const { leaks, runs, secrets } = findLeaks(dir, [...DEMO_SECRETS]);
	if (leaks.length > 0) {
		const message = `SECRET SCAN FAILED: ${leaks.length} secret(s) found in what the tests showed (records kept in ${dir}):\n${describeLeaks(leaks)}`;
		console.error(`\n${message}\n`);
		process.exitCode = 1;
		throw new Error(message);
	}
	console.log(`\nSecret scan: ${runs} workflow runs checked against ${secrets} secrets, none found.`);
	rmSync(dir, { recursive: true, force: true });
}
