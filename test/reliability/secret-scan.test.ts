// The suite-wide secret scan (global-teardown.ts) must catch a leak and say where it is; and a
// real run's record must hold the secrets it had access to, and no secret in what it showed.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { secretsOf } from '../harness/secret-log';
import { runNode, useSandbox } from '../nodes/helpers';
import { findLeaks } from './secret-scan';

describe('secret scan', () => {
	const ctx = useSandbox();
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'squadus-scan-test-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('finds a planted token and names the test and the place', () => {
		const record = (test: string, visible: unknown, secrets: string[] = []) => JSON.stringify({ test, visible, secrets });
		writeFileSync(
			join(dir, 'worker-1.jsonl'),
			[
				record('a › clean', { outputs: { Squadus: [[{ json: { ok: true } }]] } }, ['tok-Abcdef123456']),
				record('b › leaky', { errors: { Squadus: { description: 'sent tok-Abcdef123456 to the server' } } }),
			].join('\n'),
		);
		const { leaks } = findLeaks(dir);
		expect(leaks).toEqual([
			{ file: 'worker-1.jsonl', test: 'b › leaky', where: 'run.errors.Squadus.description', secret: 'tok…(16 chars)' },
		]);
		expect(findLeaks(dir, ['unrelated-secret']).leaks).toHaveLength(1);
	});

	it('takes secrets from credential data, OAuth token data included, and nothing else', () => {
		expect(
			secretsOf({
				server: 'http://127.0.0.1:1234',
				user: 'ivan.petrov',
				password: 'Pa55word!',
				authToken: 'session-token-1',
				totpSecret: 'JBSWY3DPEHPK3PXP',
				ignoreSslIssues: false,
				oauthTokenData: { access_token: 'oauth-access-1', refresh_token: 'oauth-refresh-1', expires_in: 3600 },
			}).sort(),
		).toEqual(['JBSWY3DPEHPK3PXP', 'Pa55word!', 'oauth-access-1', 'oauth-refresh-1', 'session-token-1']);
	});

	it('records a real run with its session token, and that run shows no secret', async () => {
		const previous = process.env.SQUADUS_SECRET_SCAN_DIR;
		process.env.SQUADUS_SECRET_SCAN_DIR = dir;
		try {
			await runNode(ctx.sandbox, 'squadusChat', {
				operation: 'send',
				sendTo: 'channel',
				channel: { __rl: true, mode: 'name', value: 'no-such-channel' },
				text: 'hello',
				options: {},
			}, { continueOnFail: true });
		} finally {
			process.env.SQUADUS_SECRET_SCAN_DIR = previous;
		}
		const [file] = readdirSync(dir);
		const record = JSON.parse(readFileSync(join(dir, file), 'utf8').trim());
		expect(record.secrets).toEqual(expect.arrayContaining([ctx.sandbox.fixtures.admin.password]));
		expect(record.secrets.length).toBeGreaterThanOrEqual(2); // the password and the session token
		expect(findLeaks(dir, ctx.sandbox.secrets()).leaks).toEqual([]);
	});
});
