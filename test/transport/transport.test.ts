// The shared transport: session renewal, 429 waits, retries that never repeat a write,
// timeouts, error messages, pagination, and no secret anywhere.
import { createHash } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { chainWorkflow, CredentialStore, runWorkflow } from '../harness';
import {
	CREDENTIAL_NAME,
	nodeCredentials,
	credentialsFor,
	passwordStore,
	runNode,
	useSandbox,
	type Auth,
} from '../nodes/helpers';
import { connectOAuth2, expectNoSecrets, exposed, oauth2Credentials } from '../credentials/helpers';
import { clearOAuth2Sessions } from '../../nodes/shared/transport/oauth2';
import { clearSessionStates } from '../../nodes/shared/transport/session';
import { fakeClock } from './fake-clock';
import { PROBE_TYPE, SquadusProbe } from './probe';

const ctx = useSandbox();

async function probe(
	parameters: INodeParameters,
	{
		auth = 'password',
		store,
		input,
		continueOnFail,
	}: { auth?: Auth; store?: CredentialStore; input?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	const { sandbox } = ctx;
	const workflow = chainWorkflow({
		name: 'Probe',
		type: PROBE_TYPE,
		parameters: { authentication: auth, ...parameters },
		credentials: nodeCredentials(auth),
		continueOnFail,
	});
	const result = await runWorkflow(workflow, {
		credentials:
			store ??
			new CredentialStore({ [CREDENTIAL_NAME[auth]]: credentialsFor(sandbox, 'admin', auth) }),
		input,
		nodeTypes: { [PROBE_TYPE]: new SquadusProbe() },
	});
	return {
		...result,
		json: (result.outputs.Probe ?? []).map((item) => item.json),
		nodeError: result.errors.Probe,
	};
}

const post = (text: string) => ({
	method: 'POST',
	endpoint: '/chat.postMessage',
	body: JSON.stringify({ roomId: ctx.sandbox.fixtures.channels.general._id, text }),
});

beforeEach(() => {
	ctx.sandbox.clearRequests();
	ctx.sandbox.clearFaults();
});

describe('sessions', () => {
	it('renews a session that expires in the middle of a 200-item run: one extra login, every item done', async () => {
		const { sandbox } = ctx;
		const store = passwordStore(sandbox);
		await runNode(
			sandbox,
			'squadusDirectMessage',
			{ operation: 'create', usernames: 'ivan.petrov' },
			{ store },
		);
		sandbox.clearRequests();
		let expired = false;
		const watcher = setInterval(() => {
			if (!expired && sandbox.requests({ path: '/api/v1/dm.create' }).length >= 100) {
				sandbox.expireSessions();
				expired = true;
			}
		}, 1);
		const input = Array.from({ length: 200 }, () => ({}));
		const run = await runNode(
			sandbox,
			'squadusDirectMessage',
			{ operation: 'create', usernames: 'ivan.petrov' },
			{ store, input },
		).finally(() => clearInterval(watcher));
		expect(expired).toBe(true);
		expect(run.nodeError).toBeUndefined();
		expect(run.json).toHaveLength(200);
		expect(sandbox.requests({ path: '/api/v1/login' })).toHaveLength(1);
		const calls = sandbox.requests({ path: '/api/v1/dm.create' });
		expect(calls.filter((call) => call.status === 401)).toHaveLength(1);
		expect(calls.filter((call) => call.status === 200)).toHaveLength(200);
		expectNoSecrets(sandbox, ...exposed(run));
	});
});

describe('rate limits and retries', () => {
	it('waits out three 429s (X-RateLimit-Reset) and posts the message once', async () => {
		const { sandbox } = ctx;
		sandbox.fault({ path: '/api/v1/chat.postMessage', mode: '429', times: 3, resetMs: 150 });
		const run = await probe(post('rate limited'));
		expect(run.nodeError).toBeUndefined();
		expect(run.json).toHaveLength(1);
		expect(run.json[0]).toMatchObject({ success: true, message: { msg: 'rate limited' } });
		const calls = sandbox.requests({ path: '/api/v1/chat.postMessage' });
		expect(calls.map((call) => call.status)).toEqual([429, 429, 429, 200]);
		// Each retry reached the server no earlier than the X-RateLimit-Reset of the 429 before it
		// (received + 150 ms). Measured between the server's own receive times, so a slow machine
		// cannot make it fail (a total run time raced the transit of each 429: the node waits
		// "reset - now", which shrinks by whatever the answer spent on the way). 2 ms for timer
		// rounding.
		const gaps = calls.slice(1).map((call, n) => call.time - calls[n].time);
		for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(148);
	});

	it('gives up when the wait for the rate limit exceeds Options → Timeout (rate-limit.test.ts has more)', async () => {
		const { sandbox } = ctx;
		sandbox.fault({ path: '/api/v1/chat.postMessage', mode: '429', times: Infinity, resetMs: 200 });
		const run = await probe({ ...post('never'), options: { timeout: 500 } });
		const calls = sandbox.requests({ path: '/api/v1/chat.postMessage' });
		expect(calls.length).toBeGreaterThanOrEqual(2);
		expect(calls.every((call) => call.status === 429)).toBe(true);
		expect(run.nodeError?.message).toMatch(/rate limit was still reached after waiting/);
		expect(run.nodeError?.description).toMatch(/10 calls per window/);
	});

	it('retries a GET after a 500 and succeeds', async () => {
		const { sandbox } = ctx;
		sandbox.fault({ path: '/api/v1/me', mode: '500', times: 1 });
		const run = await probe({ method: 'GET', endpoint: '/me' });
		expect(run.nodeError).toBeUndefined();
		expect(run.json[0]).toMatchObject({ username: sandbox.fixtures.admin.username });
		expect(sandbox.requests({ path: '/api/v1/me' }).map((call) => call.status)).toEqual([500, 200]);
	});

	it('retries a GET after a dropped connection', async () => {
		const { sandbox } = ctx;
		sandbox.fault({ path: '/api/v1/me', mode: 'drop', times: 1 });
		const run = await probe({ method: 'GET', endpoint: '/me' });
		expect(run.nodeError).toBeUndefined();
		expect(sandbox.requests({ path: '/api/v1/me' }).map((call) => call.status)).toEqual([0, 200]);
	});

	it.each([
		['answered 500', '500' as const, 500],
		['whose connection dropped', 'drop' as const, 0],
	])('waits 200 ms, then 400 ms, between the three tries of a GET %s', async (_, mode, status) => {
		const { sandbox } = ctx;
		sandbox.fault({ path: '/api/v1/me', mode, times: 2 });
		const time = fakeClock(Date.now());
		const run = await probe({ method: 'GET', endpoint: '/me' }).finally(() => time.restore());
		expect(run.nodeError).toBeUndefined();
		expect(sandbox.requests({ path: '/api/v1/me' }).map((call) => call.status)).toEqual([
			status,
			status,
			200,
		]);
		expect(time.waits).toEqual([200, 400]);
	});

	it('retries a HEAD after a 500, as it does a GET', async () => {
		const { sandbox } = ctx;
		sandbox.fault({ path: '/api/v1/me', method: 'HEAD', mode: '500', times: 1 });
		const run = await probe({ method: 'HEAD', endpoint: '/me' });
		expect(run.nodeError).toBeUndefined();
		expect(run.json).toHaveLength(1);
		expect(sandbox.requests({ path: '/api/v1/me' }).map((call) => [call.method, call.status])).toEqual([
			['HEAD', 500],
			['HEAD', 200],
		]);
	});

	it('gives up on a GET after three 500s, saying how often it tried', async () => {
		const { sandbox } = ctx;
		sandbox.fault({ path: '/api/v1/me', mode: '500', times: 3 });
		const time = fakeClock(Date.now());
		const run = await probe({ method: 'GET', endpoint: '/me' }).finally(() => time.restore());
		expect(sandbox.requests({ path: '/api/v1/me' }).map((call) => call.status)).toEqual([
			500, 500, 500,
		]);
		expect(time.waits).toEqual([200, 400]);
		expect(run.nodeError?.description).toBe(
			'The Squadus server failed to process the request, 3 times in a row. Try again later; if it persists, ask its administrator.',
		);
	});

	it('never retries a POST whose connection dropped', async () => {
		const { sandbox } = ctx;
		sandbox.fault({ path: '/api/v1/chat.postMessage', mode: 'drop', times: 1 });
		const run = await probe(post('dropped'));
		expect(sandbox.requests({ path: '/api/v1/chat.postMessage' })).toHaveLength(1);
		expect(run.nodeError?.message).toBe('The connection to Squadus was closed before it answered');
		expect(run.nodeError?.description).toMatch(/not sent again/);
	});

	it('never retries a POST that timed out (Options → Timeout)', async () => {
		const { sandbox } = ctx;
		sandbox.fault({ path: '/api/v1/chat.postMessage', mode: 'slow', delayMs: 800 });
		const run = await probe({ ...post('slow'), options: { timeout: 300 } });
		expect(run.nodeError?.message).toBe('Squadus did not answer within 0.3 s');
		expect(run.nodeError?.description).toMatch(/not sent again.*Options → Timeout/);
		await new Promise((resolve) => setTimeout(resolve, 700));
		expect(sandbox.requests({ path: '/api/v1/chat.postMessage' })).toHaveLength(1);
	});

	it('a 500 on a POST is reported, not retried', async () => {
		const { sandbox } = ctx;
		sandbox.fault({ path: '/api/v1/chat.postMessage', mode: '500', times: 1 });
		const run = await probe(post('once'));
		expect(sandbox.requests({ path: '/api/v1/chat.postMessage' })).toHaveLength(1);
		expect(run.nodeError?.message).toBe('Internal server error [error-internal]');
		expect(run.nodeError?.description).toMatch(/failed to process/);
	});

	it('reports a malformed answer', async () => {
		const { sandbox } = ctx;
		sandbox.fault({ path: '/api/v1/me', mode: 'malformed' });
		const run = await probe({ method: 'GET', endpoint: '/me' });
		expect(run.nodeError?.message).toBe('Squadus sent an answer that is not valid JSON');
	});
});

describe('a path on the server (serverPath), as downloads use', () => {
	it.each(['api/v1/me', '/api/v1/me'])('%s is sent to the server with one slash', async (endpoint) => {
		const { sandbox } = ctx;
		const run = await probe({ method: 'GET', endpoint, serverPath: true });
		expect(run.nodeError).toBeUndefined();
		expect(run.json[0]).toMatchObject({ username: sandbox.fixtures.admin.username });
		expect(sandbox.requests({ path: '/api/v1/me' })).toHaveLength(1);
	});
});

describe('errors', () => {
	it('room not found: the server text, errorType and a description, with the item index', async () => {
		const run = await probe(
			{ method: 'POST', endpoint: '/chat.postMessage', body: '{"roomId":"nope","text":"x"}' },
			{ input: [{}, {}], continueOnFail: false },
		);
		expect(run.nodeError?.message).toBe('Invalid channel [invalid-channel]');
		expect(run.nodeError?.description).toMatch(/^Check the channel or room/);
		const { context } = run.nodeError as unknown as { context: IDataObject };
		expect(context).toMatchObject({ itemIndex: 0, errorType: 'invalid-channel' });
		const info = await probe({
			method: 'GET',
			endpoint: '/channels.info',
			qs: '{"roomId":"nope"}',
		});
		expect(info.nodeError?.message).toMatch(/\[error-room-not-found\]$/);
		expect(info.nodeError?.description).toMatch(/^Check the channel or room/);
	});

	it('invalid-params names the parameter', async () => {
		const run = await probe({
			method: 'POST',
			endpoint: '/chat.postMessage',
			body: '{"text":"x"}',
		});
		expect(run.nodeError?.description).toMatch(
			/Squadus rejected the parameter "\w+"|Check the channel/,
		);
	});

	it('403: says the account lacks a permission for the action', async () => {
		const { sandbox } = ctx;
		const run = await probe(
			{
				method: 'POST',
				endpoint: '/users.create',
				body: JSON.stringify({ email: 'a@b.ru', name: 'A', password: 'Xx1!xxxx', username: 'a.b' }),
			},
			{ store: passwordStore(sandbox, 'user') },
		);
		expect(run.nodeError?.description).toMatch(/lacks a permission needed for "users.create"/);
		expectNoSecrets(sandbox, ...exposed(run));
	});

	it('continue on fail: one item per input item, none leaking secrets', async () => {
		const { sandbox } = ctx;
		const run = await probe(
			{ method: 'POST', endpoint: '/chat.postMessage', body: '{"roomId":"nope","text":"x"}' },
			{ input: [{}, {}, {}], continueOnFail: true },
		);
		expect(run.json).toHaveLength(3);
		expectNoSecrets(sandbox, ...exposed(run));
	});
});

describe('pagination', () => {
	it('Return All walks pages of 100 until total; Limit asks for no more than it needs', async () => {
		const { sandbox } = ctx;
		const roomId = sandbox.fixtures.channels.random._id;
		sandbox.addMessages(roomId, 230);
		const params = {
			paginate: true,
			method: 'GET',
			endpoint: '/channels.messages',
			qs: JSON.stringify({ roomId }),
			listKeys: 'messages',
		};
		const all = await probe({ ...params, returnAll: true });
		const pages = sandbox.requests({ path: '/api/v1/channels.messages' });
		const total = all.json.length;
		expect(total).toBeGreaterThanOrEqual(230);
		expect(pages.map((page) => [page.query.offset, page.query.count])).toEqual(
			Array.from({ length: Math.ceil(total / 100) }, (_, n) => [String(n * 100), '100']),
		);
		expect(new Set(all.json.map((message) => message._id)).size).toBe(total);

		sandbox.clearRequests();
		const some = await probe({ ...params, returnAll: false, limit: 150 });
		expect(some.json).toHaveLength(150);
		expect(
			sandbox
				.requests({ path: '/api/v1/channels.messages' })
				.map((page) => [page.query.offset, page.query.count]),
		).toEqual([
			['0', '100'],
			['100', '50'],
		]);
	});

	it('copes with the list under another key (channels or rooms)', async () => {
		const run = await probe({
			paginate: true,
			method: 'GET',
			endpoint: '/channels.list',
			listKeys: 'rooms,channels',
			returnAll: true,
		});
		expect(run.json.map((channel) => channel.name)).toEqual(expect.arrayContaining(['general']));
	});
});

describe("the Realtime API's resume login (transport/resume.ts)", () => {
	const sha256 = (text: unknown) => createHash('sha256').update(String(text)).digest('hex');

	it.each<Auth>(['password', 'accessToken', 'oAuth2'])(
		'%s: the session the REST requests use, and its user',
		async (auth) => {
			const { sandbox } = ctx;
			clearOAuth2Sessions();
			clearSessionStates(); // a fresh credential: its own login, into the store below
			const data =
				auth === 'oAuth2'
					? oauth2Credentials(sandbox, 'authorizationCode', await connectOAuth2(sandbox))
					: credentialsFor(sandbox, 'admin', auth);
			const store = new CredentialStore({ [CREDENTIAL_NAME[auth]]: data });
			const run = await probe({ resume: true }, { auth, store });
			expect(run.nodeError).toBeUndefined();
			const admin = sandbox.fixtures.users.find((user) => user.username === 'admin')!;
			const [out] = run.json;
			expect(out).toEqual({ tokenSha256: expect.any(String), userId: admin._id, username: 'admin' });
			const stored = store.get(CREDENTIAL_NAME[auth])!;
			// a token Squadus issued or knows: a session of its, or the personal access token
			const known = sandbox.secrets().map(sha256);
			expect(known).toContain(out.tokenSha256);
			if (auth === 'accessToken') expect(out.tokenSha256).toBe(sha256(stored.accessToken));
			// the session the credential logged in with
			if (auth === 'password') expect(out.tokenSha256).toBe(sha256(stored.authToken));
			if (auth === 'oAuth2') {
				// the exchanged Squadus session, not the provider's token
				const tokens = stored.oauthTokenData as IDataObject;
				expect(out.tokenSha256).not.toBe(sha256(tokens.access_token));
				expect(sandbox.requests({ path: '/api/v1/method.callAnon/login' })).not.toHaveLength(0);
			}
		},
	);
});
