// OAuth2: the provider's token is exchanged for a Squadus session (manual 3.1.3), and an
// expired provider token is refreshed by n8n-core and exchanged again without user action.
import { sleep } from 'n8n-workflow';

import { CredentialStore } from '../harness';
import { runNode, useSandbox } from '../nodes/helpers';
import { clearOAuth2Sessions } from '../../nodes/shared/transport/oauth2';
import { connectOAuth2, expectNoSecrets, exposed, oauth2Credentials } from './helpers';

const ctx = useSandbox({ oauthTokenTtlSec: 1 });
const dmCreate = { operation: 'create', usernames: 'ivan.petrov' };
const NAME = 'Squadus OAuth2';

beforeEach(() => {
	ctx.sandbox.clearRequests();
	clearOAuth2Sessions();
});
// tests that need a provider token to outlive the run raise its lifetime; each starts at 1 s
afterEach(() => {
	ctx.sandbox.clearFaults();
	ctx.sandbox.configure({ oauthTokenTtlSec: 1, dialect: 'rocketchat' });
});

/** A store with the authorization-code credential holding the provider's `tokenData`. */
const authorizationCodeStore = (
	sandbox: (typeof ctx)['sandbox'],
	tokenData: Parameters<typeof oauth2Credentials>[2],
) => new CredentialStore({ [NAME]: oauth2Credentials(sandbox, 'authorizationCode', tokenData) });

const exchanges = () => ctx.sandbox.requests({ path: '/api/v1/method.callAnon/login' });
// The nodes first try the token endpoint without any secret (an empty POST, redirects off):
// those checks carry no grant.
const tokenGrants = () =>
	ctx.sandbox
		.requests({ path: '/oauth/token' })
		.map((request) => request.body?.grant_type)
		.filter((grant) => grant !== undefined);

it('authorization code: exchanges the token once and reuses the session', async () => {
	const { sandbox } = ctx;
	sandbox.configure({ oauthTokenTtlSec: 3600 });
	const tokenData = await connectOAuth2(sandbox, sandbox.fixtures.user.username);
	const store = authorizationCodeStore(sandbox, tokenData);
	const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, {
		auth: 'oAuth2',
		store,
		input: [{}, {}],
	});
	expect(run.nodeError).toBeUndefined();
	expect(run.json).toHaveLength(2);
	// the manual's flat body, refused by Rocket.Chat's validator, then Rocket.Chat's envelope
	const [flat, envelope] = exchanges();
	expect(exchanges().map((request) => request.status)).toEqual([400, 200]);
	const loginRequest = {
		serviceName: 'keycloak',
		accessToken: tokenData.access_token,
		expiresIn: expect.any(Number),
	};
	expect(flat.body).toEqual(loginRequest);
	expect(JSON.parse(envelope.body.message)).toEqual({
		msg: 'method',
		id: expect.any(String),
		method: 'login',
		params: [loginRequest],
	});
	const calls = sandbox.requests({ path: '/api/v1/dm.create' });
	expect(calls).toHaveLength(2);
	expect(calls[0].headers['x-user-id']).toBe(sandbox.fixtures.user._id);
	expect(calls[0].headers['x-auth-token']).toBeTruthy();
	expect(calls[0].headers.authorization).toBeUndefined();
	// a token the server took is not refreshed
	expect(tokenGrants()).toEqual(['authorization_code']);
	expectNoSecrets(sandbox, ...exposed(run));
});

it('two executions that start at once with the same provider token share one exchange', async () => {
	const { sandbox } = ctx;
	sandbox.configure({ oauthTokenTtlSec: 3600 });
	const tokenData = await connectOAuth2(sandbox, sandbox.fixtures.user.username);
	const store = authorizationCodeStore(sandbox, tokenData);
	const runs = await Promise.all(
		[0, 1].map(
			async () =>
				await runNode(sandbox, 'squadusDirectMessage', dmCreate, {
					auth: 'oAuth2',
					store,
					input: [{}],
				}),
		),
	);
	for (const run of runs) {
		expect(run.nodeError).toBeUndefined();
		expect(run.json).toHaveLength(1);
	}
	// one exchange (the manual's flat body, refused, then the envelope), not one per execution
	expect(exchanges().map((request) => request.status)).toEqual([400, 200]);
	const calls = sandbox.requests({ path: '/api/v1/dm.create' });
	expect(calls).toHaveLength(2);
	expect(calls[0].headers['x-auth-token']).toBe(calls[1].headers['x-auth-token']);
});

it("tells Squadus how long the provider's token lives: n8n's expiry time, expires_in, or an hour when the provider says nothing usable", async () => {
	const { sandbox } = ctx;
	sandbox.configure({ oauthTokenTtlSec: 3600 });
	const sent: unknown[] = [];
	const cases: Array<{ n8n_expires_at?: number; expires_in?: number }> = [
		{ expires_in: 120 },
		{ expires_in: 0 },
		{},
		// the expiry time n8n keeps (ms) is the newer word, expires_in is from the first grant
		{ n8n_expires_at: Date.now() + 300_000, expires_in: 3600 },
		{ n8n_expires_at: 0, expires_in: 120 },
		{ n8n_expires_at: -5, expires_in: 120 },
	];
	for (const lifetime of cases) {
		const { n8n_expires_at: _at, expires_in: _in, ...tokenData } = await connectOAuth2(sandbox);
		const store = new CredentialStore({
			[NAME]: oauth2Credentials(sandbox, 'authorizationCode', { ...tokenData, ...lifetime }),
		});
		clearOAuth2Sessions();
		sandbox.clearRequests();
		const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store });
		expect(run.nodeError).toBeUndefined();
		sent.push(exchanges()[0].body.expiresIn);
	}
	expect(sent).toEqual([120, 3600, 3600, expect.any(Number), 120, 120]);
	expect(sent[3]).toBeGreaterThanOrEqual(295);
	expect(sent[3]).toBeLessThanOrEqual(300);
});

it('authorization code: an expired provider token is refreshed, stored and exchanged again', async () => {
	const { sandbox } = ctx;
	const tokenData = await connectOAuth2(sandbox);
	const store = authorizationCodeStore(sandbox, tokenData);
	await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store });
	await new Promise((resolve) => setTimeout(resolve, 1100));
	sandbox.expireSessions();
	clearOAuth2Sessions(); // a new n8n process: only the stored credential remains
	sandbox.clearRequests();

	const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store });
	expect(run.nodeError).toBeUndefined();
	expect(run.json).toHaveLength(1);
	expect(tokenGrants()).toEqual(['refresh_token']);
	// flat body refused as invalid, the envelope refused (expired token: an error inside a 200
	// method-call answer), then the refreshed token in the envelope (the server is remembered)
	expect(exchanges().map((request) => request.status)).toEqual([400, 200, 200]);
	const stored = store.get(NAME)!.oauthTokenData as { access_token: string };
	expect(stored.access_token).not.toBe(tokenData.access_token);
	expect(JSON.parse(exchanges()[2].body.message).params[0].accessToken).toBe(stored.access_token);
	expect(store.stats.oauthTokenUpdates).toBe(1);
	expectNoSecrets(sandbox, ...exposed(run));
});

it('a Squadus session that ends mid-run is exchanged again (token still valid)', async () => {
	const { sandbox } = ctx;
	sandbox.configure({ oauthTokenTtlSec: 3600 });
	const store = new CredentialStore({
		[NAME]: oauth2Credentials(sandbox, 'authorizationCode', await connectOAuth2(sandbox)),
	});
	await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store });
	sandbox.expireSessions();
	sandbox.clearRequests();
	const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store });
	expect(run.nodeError).toBeUndefined();
	// the same process already knows the server takes Rocket.Chat's envelope
	expect(exchanges().map((request) => request.status)).toEqual([200]);
	expect(exchanges()[0].body.message).toEqual(expect.any(String));
	expect(tokenGrants()).toEqual([]);
	expect(sandbox.requests({ path: '/api/v1/dm.create' }).map((r) => r.status)).toEqual([
		401, 200,
	]);
});

it("a Squadus session that ends is forgotten alone: another credential's session is not exchanged again", async () => {
	const { sandbox } = ctx;
	sandbox.configure({ oauthTokenTtlSec: 3600 });
	const admin = authorizationCodeStore(sandbox, await connectOAuth2(sandbox, 'admin'));
	const user = authorizationCodeStore(
		sandbox,
		await connectOAuth2(sandbox, sandbox.fixtures.user.username),
	);
	await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store: admin });
	await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store: user });
	expect(exchanges().filter((request) => request.status === 200)).toHaveLength(2);
	// the admin's Squadus session ends (logged out elsewhere)
	const [adminCall] = sandbox.requests({ path: '/api/v1/dm.create' });
	const ended = await fetch(`${sandbox.url}/api/v1/logout`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'X-Auth-Token': adminCall.headers['x-auth-token'],
			'X-User-Id': adminCall.headers['x-user-id'],
		},
		body: '{}',
	});
	expect(ended.status).toBe(200);
	sandbox.clearRequests();
	const renewed = await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store: admin });
	expect(renewed.nodeError).toBeUndefined();
	expect(exchanges().map((request) => request.status)).toEqual([200]);
	sandbox.clearRequests();
	const other = await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store: user });
	expect(other.nodeError).toBeUndefined();
	expect(other.json).toHaveLength(1);
	expect(exchanges()).toEqual([]);
	expect(sandbox.requests({ path: '/api/v1/dm.create' }).map((r) => r.status)).toEqual([200]);
});

it('while an ended session is being exchanged again, another execution waits for the new one instead of sending the ended one', async () => {
	const { sandbox } = ctx;
	sandbox.configure({ oauthTokenTtlSec: 3600 });
	const store = authorizationCodeStore(sandbox, await connectOAuth2(sandbox, 'admin'));
	await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store });
	sandbox.expireSessions();
	sandbox.clearRequests();
	sandbox.fault({ path: '/api/v1/method.callAnon/login', mode: 'slow', delayMs: 1500 });
	const first = runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store });
	// the second execution starts once the first has seen its session end
	const dmCalls = () => sandbox.requests({ path: '/api/v1/dm.create' }).map((r) => r.status);
	for (let waited = 0; !dmCalls().includes(401) && waited < 100; waited++) await sleep(20);
	const second = runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store });
	const runs = await Promise.all([first, second]);
	expect(runs.map((run) => run.nodeError)).toEqual([undefined, undefined]);
	expect(exchanges().map((request) => request.status)).toEqual([200]);
	expect(dmCalls()).toEqual([401, 200, 200]);
});

it('client credentials: n8n-core fetches the first token, and a new one when it expired', async () => {
	const { sandbox } = ctx;
	const store = new CredentialStore({ [NAME]: oauth2Credentials(sandbox, 'clientCredentials') });
	const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store });
	expect(run.nodeError).toBeUndefined();
	expect(run.json).toHaveLength(1);
	expect(tokenGrants()[0]).toBe('client_credentials');
	const first = (store.get(NAME)!.oauthTokenData as { access_token: string }).access_token;
	expect(first).toBeTruthy();
	const provider = sandbox.fixtures.oauth.providerUser.username;
	expect(sandbox.requests({ path: '/api/v1/dm.create' })[0].headers['x-user-id']).toBe(
		sandbox.fixtures.users.find((user) => user.username === provider)!._id,
	);

	await new Promise((resolve) => setTimeout(resolve, 1100));
	sandbox.expireSessions();
	sandbox.clearRequests();
	const again = await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store });
	expect(again.nodeError).toBeUndefined();
	expect(tokenGrants()).toEqual(['client_credentials']);
	const second = (store.get(NAME)!.oauthTokenData as { access_token: string }).access_token;
	expect(second).not.toBe(first);
	expectNoSecrets(sandbox, ...exposed(run), ...exposed(again));
});

it('a refresh the provider refuses asks to reconnect the credential, without showing a token', async () => {
	const { sandbox } = ctx;
	const tokenData = await connectOAuth2(sandbox);
	const revoked = {
		...tokenData,
		access_token: 'at-revoked-4c1d9e',
		refresh_token: 'rt-revoked-8b2f6a',
	};
	const store = new CredentialStore({
		[NAME]: oauth2Credentials(sandbox, 'authorizationCode', revoked),
	});
	sandbox.clearRequests();
	const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store });
	expect(tokenGrants()).toEqual(['refresh_token']);
	expect(run.nodeError?.message).toBe('Could not get a new access token from the OAuth2 provider');
	expect(run.nodeError?.description).toMatch(
		/\. Open the credential and reconnect it \(for Client Credentials: check the Client ID, Client Secret and Access Token URL\)\.$/,
	);
	expect(sandbox.requests({ path: '/api/v1/dm.create' })).toHaveLength(0);
	const shown = JSON.stringify(exposed(run));
	expect(shown).not.toContain('at-revoked-4c1d9e');
	expect(shown).not.toContain('rt-revoked-8b2f6a');
});

it('an exchange whose connection drops says so', async () => {
	const { sandbox } = ctx;
	sandbox.configure({ oauthTokenTtlSec: 3600 });
	const tokenData = await connectOAuth2(sandbox);
	const store = authorizationCodeStore(sandbox, tokenData);
	sandbox.fault({ path: '/api/v1/method.callAnon/login', mode: 'drop', times: Infinity });
	const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, {
		auth: 'oAuth2',
		store,
	});
	expect(run.nodeError?.message).toBe('The connection to Squadus was closed before it answered');
	// an exchange can be repeated safely: no warning that it may have been carried out
	expect(run.nodeError?.description).toMatch(/^The server or a proxy dropped the connection/);
	expect(run.nodeError?.description).not.toMatch(/not sent again/);
	expect(sandbox.requests({ path: '/api/v1/dm.create' })).toHaveLength(0);
	expectNoSecrets(sandbox, ...exposed(run));
});

it('a wrong OAuth Service Name is reported clearly', async () => {
	const { sandbox } = ctx;
	sandbox.configure({ oauthTokenTtlSec: 3600 });
	const data = oauth2Credentials(sandbox, 'authorizationCode', await connectOAuth2(sandbox));
	data.serviceName = 'gitlab';
	const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, {
		auth: 'oAuth2',
		store: new CredentialStore({ [NAME]: data }),
	});
	expect(run.nodeError?.message).toBe('OAuth service "gitlab" is not configured');
	expect(run.nodeError?.description).toMatch(/Check the OAuth Service Name \("gitlab"\)/);
	expect(sandbox.requests({ path: '/api/v1/dm.create' })).toHaveLength(0);
	expectNoSecrets(sandbox, ...exposed(run));
});

it('an unconnected authorization-code credential asks to connect it', async () => {
	const { sandbox } = ctx;
	const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, {
		auth: 'oAuth2',
		store: new CredentialStore({ [NAME]: oauth2Credentials(sandbox, 'authorizationCode') }),
	});
	expect(run.nodeError?.message).toBe('The OAuth2 credential has no access token');
	expect(sandbox.requests({ path: '/api/v1/dm.create' })).toHaveLength(0);
});

it("the manual's dialect: the flat exchange body is taken and answered flat", async () => {
	const { sandbox } = ctx;
	sandbox.configure({ oauthTokenTtlSec: 3600, dialect: 'manual' });
	const store = new CredentialStore({
		[NAME]: oauth2Credentials(sandbox, 'authorizationCode', await connectOAuth2(sandbox)),
	});
	const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, { auth: 'oAuth2', store });
	expect(run.nodeError).toBeUndefined();
	expect(exchanges().map((request) => request.status)).toEqual([200]);
	expect(exchanges()[0].body).toEqual(expect.objectContaining({ serviceName: 'keycloak' }));
	expect(sandbox.requests({ path: '/api/v1/dm.create' }).map((r) => r.status)).toEqual([200]);
	expectNoSecrets(sandbox, ...exposed(run));
});
