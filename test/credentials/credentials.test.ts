// The three credential types: n8n's credential test (as run when the user saves one), and
// real requests of a real node (Direct Message → Create) with each of them.
import { CredentialStore, testCredential } from '../harness';
import { credentialsFor, runNode, useSandbox } from '../nodes/helpers';
import { generateTotp } from '../sandbox';
import { connectOAuth2, expectNoSecrets, exposed, oauth2Credentials } from './helpers';

const ctx = useSandbox();

const dmCreate = { operation: 'create', usernames: 'ivan.petrov' };

describe('credential tests (as n8n runs them on save)', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	describe('Squadus API (password)', () => {
		it('passes with a good username and password, logging in then calling /me', async () => {
			const { sandbox } = ctx;
			const result = await testCredential('squadusApi', credentialsFor(sandbox, 'admin'));
			expect(result).toMatchObject({ status: 'OK', message: 'Connection successful!' });
			expect(sandbox.requests({ path: '/api/v1/login' })).toHaveLength(1);
			const me = sandbox.requests({ path: '/api/v1/me' });
			expect(me).toHaveLength(1);
			expect(me[0].status).toBe(200);
			expect(me[0].headers['x-user-id']).toBe(sandbox.fixtures.admin._id);
			expect(sandbox.requests({ path: '/api/v1/login' })[0].body).toEqual({
				user: sandbox.fixtures.admin.username,
				password: sandbox.fixtures.admin.password,
			});
		});

		it('fails clearly on a wrong password, without the password in the message', async () => {
			const { sandbox } = ctx;
			const data = { ...credentialsFor(sandbox, 'admin'), password: 'Wrong-Passw0rd!' };
			const result = await testCredential('squadusApi', data);
			expect(result).toMatchObject({
				status: 'Error',
				message: 'Squadus rejected the username or password',
			});
			expect(sandbox.requests({ path: '/api/v1/me' })).toHaveLength(0);
			expect(result.message).not.toContain('Wrong-Passw0rd!');
			expectNoSecrets(sandbox, result.message, result.logs);
		});

		it('explains a totp-required answer when no second factor is chosen', async () => {
			const { sandbox } = ctx;
			const { username, password } = sandbox.fixtures.totpUser;
			const result = await testCredential('squadusApi', {
				server: sandbox.url,
				user: username,
				password,
				secondFactor: 'none',
			});
			expect(result.status).toBe('Error');
			expect(result.message).toBe(
				'This Squadus account uses two-factor authentication: choose a Second Factor in the credential',
			);
			expectNoSecrets(sandbox, result.message, result.logs);
		});

		it('explains an empty one-time code', async () => {
			const { sandbox } = ctx;
			const { username, password } = sandbox.fixtures.totpUser;
			const result = await testCredential('squadusApi', {
				server: sandbox.url,
				user: username,
				password,
				secondFactor: 'code',
				code: '',
			});
			expect(result.message).toBe(
				'This Squadus account needs a one-time code, and the Code field is empty',
			);
		});

		it('logs in with a TOTP secret (a fresh code each login) and rejects a wrong one', async () => {
			const { sandbox } = ctx;
			const { username, password, totpSecret } = sandbox.fixtures.totpUser;
			const base = { server: sandbox.url, user: username, password, secondFactor: 'totpSecret' };
			const good = await testCredential('squadusApi', { ...base, totpSecret });
			expect(good).toMatchObject({ status: 'OK' });
			const code = sandbox.requests({ path: '/api/v1/login' })[0].body.code;
			expect(code).toMatch(/^\d{6}$/);
			expect(code).toBe(generateTotp(totpSecret));

			const bad = await testCredential('squadusApi', { ...base, totpSecret: 'JBSWY3DPEHPK3PXP' });
			expect(bad).toMatchObject({
				status: 'Error',
				message: 'Squadus rejected the code computed from the TOTP secret',
			});
			expectNoSecrets(sandbox, good.message, bad.message, bad.logs);
		});

		it('accepts a one-time code typed by hand', async () => {
			const { sandbox } = ctx;
			const { username, password, totpSecret } = sandbox.fixtures.totpUser;
			const result = await testCredential('squadusApi', {
				server: sandbox.url,
				user: username,
				password,
				secondFactor: 'code',
				code: generateTotp(totpSecret),
			});
			expect(result.status).toBe('OK');
		});

		it('reports an unreachable server and a server address that is not Squadus', async () => {
			const { sandbox } = ctx;
			const unreachable = await testCredential('squadusApi', {
				...credentialsFor(sandbox, 'admin'),
				server: 'http://127.0.0.1:9',
			});
			expect(unreachable).toMatchObject({
				status: 'Error',
				message: 'Could not connect to the Squadus server at http://127.0.0.1:9',
			});
			const wrongPath = await testCredential('squadusApi', {
				...credentialsFor(sandbox, 'admin'),
				server: `${sandbox.url}/not-squadus`,
			});
			expect(wrongPath.status).toBe('Error');
			expect(wrongPath.message).toBe(`No Squadus API answered at ${sandbox.url}/not-squadus`);
		});
	});

	describe('Squadus Token API', () => {
		it('passes with a good user ID and token', async () => {
			const { sandbox } = ctx;
			const result = await testCredential('squadusTokenApi', credentialsFor(sandbox, 'user', 'accessToken'));
			expect(result).toMatchObject({ status: 'OK', message: 'Connection successful!' });
			const [me] = sandbox.requests({ path: '/api/v1/me' });
			expect(me.headers['x-user-id']).toBe(sandbox.fixtures.user._id);
			expect(me.headers['x-auth-token']).toBe(sandbox.fixtures.user.personalAccessToken);
		});

		it('fails clearly on a wrong token, and on a wrong or unreachable address', async () => {
			const { sandbox } = ctx;
			const good = credentialsFor(sandbox, 'user', 'accessToken');
			const wrongToken = await testCredential('squadusTokenApi', { ...good, accessToken: 'not-a-token' });
			expect(wrongToken).toMatchObject({
				status: 'Error',
				message: 'Squadus rejected the user ID or personal access token',
			});
			const wrongUrl = await testCredential('squadusTokenApi', { ...good, server: `${sandbox.url}/x` });
			expect(wrongUrl.message).toBe('No Squadus API at this Server Address (enter it without /api/v1)');
			const unreachable = await testCredential('squadusTokenApi', { ...good, server: 'http://127.0.0.1:9' });
			expect(unreachable).toMatchObject({ status: 'Error', message: 'ECONNREFUSED' });
			expectNoSecrets(sandbox, wrongToken, wrongUrl.message, unreachable.message, wrongToken.logs);
		});
	});

	describe('Squadus OAuth2 API', () => {
		it('passes once connected, and asks to connect before', async () => {
			const { sandbox } = ctx;
			const connected = await testCredential(
				'squadusOAuth2Api',
				oauth2Credentials(sandbox, 'authorizationCode', await connectOAuth2(sandbox)),
			);
			expect(connected.status).toBe('OK');
			const unconnected = await testCredential(
				'squadusOAuth2Api',
				oauth2Credentials(sandbox, 'authorizationCode'),
			);
			expect(unconnected).toEqual(
				expect.objectContaining({
					status: 'Error',
					message: 'This OAuth2 credential was not connected to an account.',
				}),
			);
		});
	});
});

describe('each credential authenticates a real node run (Direct Message → Create)', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	it('Password: logs in once, stores the session and reuses it in the next execution', async () => {
		const { sandbox } = ctx;
		const store = new CredentialStore({ 'Squadus account': credentialsFor(sandbox, 'admin') });
		const first = await runNode(sandbox, 'squadusDirectMessage', dmCreate, {
			store,
			input: [{}, {}, {}],
		});
		expect(first.nodeError).toBeUndefined();
		expect(first.json).toHaveLength(3);
		expect(first.json[0]).toMatchObject({ t: 'd' });
		const second = await runNode(sandbox, 'squadusDirectMessage', dmCreate, { store });
		expect(second.json).toHaveLength(1);
		expect(sandbox.requests({ path: '/api/v1/login' })).toHaveLength(1);
		const calls = sandbox.requests({ path: '/api/v1/dm.create' });
		expect(calls).toHaveLength(4);
		const session = store.get('Squadus account')!;
		expect(calls.every((call) => call.headers['x-auth-token'] === session.authToken)).toBe(true);
		expect(calls.every((call) => call.status === 200)).toBe(true);
		expectNoSecrets(sandbox, ...exposed(first), ...exposed(second));
	});

	it('Password with a TOTP secret', async () => {
		const { sandbox } = ctx;
		const { username, password, totpSecret } = sandbox.fixtures.totpUser;
		const store = new CredentialStore({
			'Squadus account': {
				server: sandbox.url,
				user: username,
				password,
				secondFactor: 'totpSecret',
				totpSecret,
				authToken: '',
			},
		});
		const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, { store });
		expect(run.nodeError).toBeUndefined();
		expect(run.json[0].usernames).toEqual(expect.arrayContaining([username, 'ivan.petrov']));
		expectNoSecrets(sandbox, ...exposed(run));
	});

	it('Password: a wrong password fails the node with the clear message', async () => {
		const { sandbox } = ctx;
		const data = { ...credentialsFor(sandbox, 'admin'), password: 'Wrong-Passw0rd!' };
		const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, {
			store: new CredentialStore({ 'Squadus account': data }),
		});
		expect(run.nodeError?.message).toBe('Squadus rejected the username or password');
		expect(run.nodeError?.description).toBe('Check Username or Email and Password in the credential.');
		expect(sandbox.requests({ path: '/api/v1/dm.create' })).toHaveLength(0);
		expectNoSecrets(sandbox, ...exposed(run));
		expect(JSON.stringify(exposed(run))).not.toContain('Wrong-Passw0rd!');
	});

	it('Personal access token: sends X-Auth-Token and X-User-Id', async () => {
		const { sandbox } = ctx;
		const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, {
			auth: 'accessToken',
			as: 'bot',
		});
		expect(run.nodeError).toBeUndefined();
		const [call] = sandbox.requests({ path: '/api/v1/dm.create' });
		expect(call.headers['x-user-id']).toBe(sandbox.fixtures.bot._id);
		expect(call.headers['x-auth-token']).toBe(sandbox.fixtures.bot.personalAccessToken);
		expect(call.body).toEqual({ usernames: 'ivan.petrov' });
		expect(sandbox.requests({ path: '/api/v1/login' })).toHaveLength(0);
		expectNoSecrets(sandbox, ...exposed(run));
	});

	it('Personal access token: a revoked token is one 401, reported as a credential problem', async () => {
		const { sandbox } = ctx;
		const data = { ...credentialsFor(sandbox, 'user', 'accessToken'), accessToken: 'revoked-token' };
		const run = await runNode(sandbox, 'squadusDirectMessage', dmCreate, {
			auth: 'accessToken',
			store: new CredentialStore({ 'Squadus token': data }),
		});
		expect(run.nodeError?.message).toBe('You must be logged in to do this.');
		expect(run.nodeError?.description).toMatch(/^Squadus did not accept the credential/);
		expect(sandbox.requests({ path: '/api/v1/dm.create' })).toHaveLength(1);
	});
});
