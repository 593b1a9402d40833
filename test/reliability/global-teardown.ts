// Jest globalTeardown: no password, token or TOTP secret may appear in any output item, error
// or log line of the whole test suite (recorded by test/harness/secret-log.ts).
import { readdirSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';

import { DEMO_SECRETS } from '../sandbox/demo';
import { describeLeaks, findLeaks } from './secret-scan';

/** The suite's total of requests that Rocket.Chat's validators checked in the sandboxes. */
function reportValidation(): void {
	const dir = process.env.SQUADUS_VALIDATION_DIR;
	if (!dir) return;
	let validated = 0;
	let rejected = 0;
	const forms = new Map<string, number>();
	for (const file of readdirSync(dir)) {
		const stats = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
			validated: number;
			rejected: number;
			forms: Record<string, number>;
		};
		validated += stats.validated;
		rejected += stats.rejected;
		for (const [form, count] of Object.entries(stats.forms))
			forms.set(form, (forms.get(form) ?? 0) + count);
	}
	const routes = new Set([...forms.keys()].map((form) => form.split(' ').slice(0, 2).join(' ')));
	console.log(
		`\nRocket.Chat validators: ${validated} requests checked (${rejected} refused), ${forms.size} request forms over ${routes.size} routes.`,
	);
	rmSync(dir, { recursive: true, force: true });
}

export default function globalTeardown() {
	reportValidation();
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
