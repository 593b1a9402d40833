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
		const record = (test: string, visible: unknown, secrets: string[] = []) =>
			JSON.stringify({ test, visible, secrets });
		writeFileSync(
			join(dir, 'worker-1.jsonl'),
			[
				record('a › clean', { outputs: { Squadus: [[{ json: { ok: true } }]] } }, [
					'tok-Abcdef123456',
				]),
				record('b › leaky', {
					errors: { Squadus: { description: 'sent tok-Abcdef123456 to the server' } },
				}),
				record('c › saved error data', {
					errors: { Squadus: { errorResponse: { echo: { headers: { 'x-auth-token': 'tok-Abcdef123456' } } } } },
				}),
			].join('\n'),
		);
		const { leaks } = findLeaks(dir);
		expect(leaks).toEqual([
			{
				file: 'worker-1.jsonl',
				test: 'b › leaky',
				where: 'run.errors.Squadus.description',
				secret: 'tok…(16 chars)',
			},
			{
				file: 'worker-1.jsonl',
				test: 'c › saved error data',
				where: 'run.errors.Squadus.errorResponse.echo.headers.x-auth-token',
				secret: 'tok…(16 chars)',
			},
		]);
		expect(findLeaks(dir, ['unrelated-secret']).leaks).toHaveLength(2);
	});

	it('allows only the Manual Trigger’s output and a session token from a Log In operation', () => {
		const session = 'session-Tok3n-0001';
		const password = 'Pa55word!x';
		const pat = 'pat-Abcdef123456';
		const nodes = {
			'Manual Trigger': { type: 'n8n-nodes-base.manualTrigger' },
			'Log In': { type: 'n8n-nodes-squadus.squadusAuth', operation: 'login' },
			'Log In With SAML': { type: 'n8n-nodes-squadus.squadusAuth', operation: 'loginWithSaml' },
			'Log Out': { type: 'n8n-nodes-squadus.squadusAuth', operation: 'logout' },
			Chat: { type: 'n8n-nodes-squadus.squadusChat', operation: 'send' },
		};
		const item = (json: object) => [[{ json }]];
		const run = (test: string, visible: object) => JSON.stringify({ test, visible, nodes });
		writeFileSync(
			join(dir, 'worker-1.jsonl'),
			[
				JSON.stringify({
					test: 'sandbox',
					secrets: [session, password, pat],
					sessionTokens: [session],
				}),
				run('ok › trigger input and login output', {
					outputs: {
						'Manual Trigger': item({ user: 'ivan.petrov', password }),
						'Log In': item({ authToken: session, userId: 'u1' }),
						'Log In With SAML': item({ authToken: session }),
					},
				}),
				run('leak › password as the token', {
					outputs: { 'Log In': item({ authToken: password }) },
				}),
				run('leak › PAT elsewhere in the login item', {
					outputs: { 'Log In': item({ authToken: session, me: { note: pat } }) },
				}),
				run('leak › session from another node', {
					outputs: { 'Log Out': item({ authToken: session }) },
				}),
				run('leak › session in a message', {
					outputs: { Chat: item({ msg: `token ${session}` }) },
				}),
				run('leak › session in an error', { errors: { 'Log In': { message: `bad ${session}` } } }),
				run('leak › session in a log', { logs: [`sent ${session}`] }),
			].join('\n'),
		);
		expect(
			findLeaks(dir).leaks.map(({ test, where, secret }) => ({ test, where, secret })),
		).toEqual([
			{
				test: 'leak › password as the token',
				where: 'run.outputs.Log In[0][0].json.authToken',
				secret: 'Pa5…(10 chars)',
			},
			{
				test: 'leak › PAT elsewhere in the login item',
				where: 'run.outputs.Log In[0][0].json.me.note',
				secret: 'pat…(16 chars)',
			},
			{
				test: 'leak › session from another node',
				where: 'run.outputs.Log Out[0][0].json.authToken',
				secret: 'ses…(18 chars)',
			},
			{
				test: 'leak › session in a message',
				where: 'run.outputs.Chat[0][0].json.msg',
				secret: 'ses…(18 chars)',
			},
			{
				test: 'leak › session in an error',
				where: 'run.errors.Log In.message',
				secret: 'ses…(18 chars)',
			},
			{ test: 'leak › session in a log', where: 'run.logs[0]', secret: 'ses…(18 chars)' },
		]);
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
				oauthTokenData: {
					access_token: 'oauth-access-1',
					refresh_token: 'oauth-refresh-1',
					expires_in: 3600,
				},
			}).sort(),
		).toEqual([
			'JBSWY3DPEHPK3PXP',
			'Pa55word!',
			'oauth-access-1',
			'oauth-refresh-1',
			'session-token-1',
		]);
	});

	it('records a real run with its session token, and that run shows no secret', async () => {
		const previous = process.env.SQUADUS_SECRET_SCAN_DIR;
		process.env.SQUADUS_SECRET_SCAN_DIR = dir;
		try {
			await runNode(
				ctx.sandbox,
				'squadusChat',
				{
					operation: 'send',
					sendTo: 'channel',
					channel: { __rl: true, mode: 'name', value: 'no-such-channel' },
					text: 'hello',
					options: {},
				},
				{ continueOnFail: true },
			);
		} finally {
			process.env.SQUADUS_SECRET_SCAN_DIR = previous;
		}
		const [file] = readdirSync(dir);
		const record = JSON.parse(readFileSync(join(dir, file), 'utf8').trim());
		expect(record.secrets).toEqual(expect.arrayContaining([ctx.sandbox.fixtures.admin.password]));
		expect(record.secrets.length).toBeGreaterThanOrEqual(2); // the password and the session token
		expect(record.nodes).toEqual({
			'Manual Trigger': { type: 'n8n-nodes-base.manualTrigger' },
			Squadus: { type: 'n8n-nodes-squadus.squadusChat', operation: 'send' },
		});
		expect(findLeaks(dir, ctx.sandbox.secrets()).leaks).toEqual([]);
	});
});
