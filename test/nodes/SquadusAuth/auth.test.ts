import { totp } from '../../../nodes/shared/helpers/totp';
import type { Dialect } from '../../sandbox';
import { credentialsFor, runNode, useSandbox } from '../helpers';
import { expectNoSecrets } from '../secrets';

const ctx = useSandbox();
const LOGIN = '/api/v1/login';
const CALL_ANON = '/api/v1/method.callAnon/login';
const LOGOUT = '/api/v1/logout';

const adminPassword = () => credentialsFor(ctx.sandbox).password as string;

/** The login call must not carry the credential's session. */
function expectAnonymous(request: { headers: Record<string, string> }) {
	expect(request.headers['x-auth-token']).toBeUndefined();
	expect(request.headers['x-user-id']).toBeUndefined();
}

/**
 * The output of a login: a live session of the expected user. The manual's answer has the user
 * (`me`); Rocket.Chat's method-call envelope has only the session.
 */
function expectSession(json: Record<string, unknown>, userId: string, withMe = true) {
	expect(Object.keys(json).sort()).toEqual(
		withMe ? ['authToken', 'me', 'userId'] : ['authToken', 'userId'],
	);
	expect(json.userId).toBe(userId);
	if (withMe) expect((json.me as { _id: string })._id).toBe(userId);
	const session = ctx.sandbox.state.sessions.get(json.authToken as string);
	expect(session?.userId).toBe(userId);
}

/**
 * The method.callAnon/login requests of one login: the manual's flat body, and in Rocket.Chat's
 * dialect (which refuses it as invalid) Rocket.Chat's envelope after it. Returns the login
 * request each carried.
 */
function loginRequestsSent(dialect: Dialect, flatBody: Record<string, unknown>): unknown[] {
	const requests = ctx.sandbox.requests({ path: CALL_ANON });
	requests.forEach(expectAnonymous);
	expect(requests[0].body).toEqual(flatBody);
	if (dialect === 'manual') {
		expect(requests.map((r) => r.status)).toEqual([200]);
		return [requests[0].body];
	}
	expect(requests.map((r) => r.status)).toEqual([400, 200]);
	const call = JSON.parse(requests[1].body.message);
	expect(call).toEqual({
		msg: 'method',
		id: expect.any(String),
		method: 'login',
		params: [expect.any(Object)],
	});
	return [requests[0].body, call.params[0]];
}

describe('Squadus Auth', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	describe('Log In', () => {
		it('logs a user in with a password, without the credential’s session headers', async () => {
			const { sandbox } = ctx;
			const { user } = sandbox.fixtures;
			const run = await runNode(sandbox, 'squadusAuth', {
				operation: 'login',
				user: user.username,
				password: user.password,
			});
			expect(run.nodeError).toBeUndefined();
			const requests = sandbox.requests({ path: LOGIN });
			// the credential itself never logged in: the node only used its server address
			expect(requests).toHaveLength(1);
			expect(requests[0].method).toBe('POST');
			expect(requests[0].body).toEqual({ user: user.username, password: user.password });
			expectAnonymous(requests[0]);
			expect(run.json).toHaveLength(1);
			expectSession(run.json[0], user._id);
			expectNoSecrets(run, [user.password, adminPassword()]);
		});

		it('sends the second-factor code', async () => {
			const { sandbox } = ctx;
			const { totpUser } = sandbox.fixtures;
			const code = totp(totpUser.totpSecret);
			const run = await runNode(sandbox, 'squadusAuth', {
				operation: 'login',
				user: totpUser.email,
				password: totpUser.password,
				options: { code },
			});
			expect(run.nodeError).toBeUndefined();
			expect(sandbox.requests({ path: LOGIN })[0].body).toEqual({
				user: totpUser.email,
				password: totpUser.password,
				code,
			});
			expectSession(run.json[0], totpUser._id);
		});

		it('explains a missing second factor', async () => {
			const { sandbox } = ctx;
			const { totpUser } = sandbox.fixtures;
			const run = await runNode(sandbox, 'squadusAuth', {
				operation: 'login',
				user: totpUser.username,
				password: totpUser.password,
			});
			expect(run.nodeError?.name).toBe('NodeApiError');
			expect(run.nodeError?.message).toContain('TOTP Required');
			expect(run.nodeError?.description).toContain('Second-Factor Code');
			expectNoSecrets(run, [totpUser.password, totpUser.totpSecret]);
		});

		it('fails on a wrong password without leaking it; Continue On Fail keeps the other items', async () => {
			const { sandbox } = ctx;
			const { user, bot } = sandbox.fixtures;
			const params = {
				operation: 'login',
				user: '={{ $json.user }}',
				password: '={{ $json.password }}',
			};
			const input = [
				{ user: user.username, password: 'Wrong-Password-42' },
				{ user: bot.username, password: bot.password },
			];

			const stopped = await runNode(sandbox, 'squadusAuth', params, { input });
			expect(stopped.nodeError?.name).toBe('NodeApiError');
			expect(stopped.nodeError?.message).toBe('Login failed: Unauthorized');
			expectNoSecrets(stopped, ['Wrong-Password-42', adminPassword()]);

			const tolerant = await runNode(sandbox, 'squadusAuth', params, {
				input,
				continueOnFail: true,
			});
			const items = tolerant.outputs.Squadus;
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(items[0].json.error).toBe('Login failed: Unauthorized');
			expectSession(items[1].json, bot._id);
			expectNoSecrets(tolerant, ['Wrong-Password-42', bot.password, adminPassword()]);
		});

		it('a login whose connection drops, or that outlasts Options → Timeout, says so and is not sent again', async () => {
			const { sandbox } = ctx;
			const { user } = sandbox.fixtures;
			const params = { operation: 'login', user: user.username, password: user.password };
			sandbox.fault({ path: LOGIN, mode: 'drop', times: 1 });
			const dropped = await runNode(sandbox, 'squadusAuth', params);
			expect(dropped.nodeError?.message).toBe(
				'The connection to Squadus was closed before it answered',
			);
			expect(dropped.nodeError?.description).toMatch(/not sent again/);
			sandbox.fault({ path: LOGIN, mode: 'slow', delayMs: 800, times: 1 });
			const slow = await runNode(sandbox, 'squadusAuth', { ...params, options: { timeout: 300 } });
			expect(slow.nodeError?.message).toBe('Squadus did not answer within 0.3 s');
			expect(sandbox.requests({ path: LOGIN })).toHaveLength(2);
			expectNoSecrets(dropped, [user.password, adminPassword()]);
			expectNoSecrets(slow, [user.password, adminPassword()]);
		});

		it('rejects an empty password (from the input data) before any request', async () => {
			const { sandbox } = ctx;
			const run = await runNode(
				sandbox,
				'squadusAuth',
				{
					operation: 'login',
					user: sandbox.fixtures.user.username,
					password: '={{ $json.password }}',
				},
				{ input: [{ password: '' }] },
			);
			expect(run.nodeError?.name).toBe('NodeOperationError');
			expect(run.nodeError?.message).toContain('"Password"');
			expect(sandbox.requests()).toHaveLength(0);
		});
	});

	describe.each(['rocketchat', 'manual'] as const)(
		'Log In With SAML Token (%s dialect)',
		(dialect) => {
			beforeAll(() => ctx.sandbox.configure({ dialect }));
			afterAll(() => ctx.sandbox.configure({ dialect: 'rocketchat' }));

			it('exchanges a SAML credential token for a session; the token works once', async () => {
				const { sandbox } = ctx;
				const samlUser = sandbox.state.userByUsername(sandbox.fixtures.saml.username)!;
				const credentialToken = sandbox.createSamlCredential(samlUser._id);
				const params = { operation: 'loginWithSaml', credentialToken };

				const run = await runNode(sandbox, 'squadusAuth', params);
				expect(run.nodeError).toBeUndefined();
				const sent = loginRequestsSent(dialect, { params: { saml: true, credentialToken } });
				if (dialect === 'rocketchat') expect(sent[1]).toEqual({ saml: true, credentialToken });
				expectSession(run.json[0], samlUser._id, dialect === 'manual');
				expectNoSecrets(run, [adminPassword()]);

				const again = await runNode(sandbox, 'squadusAuth', params);
				expect(again.nodeError?.name).toBe('NodeApiError');
				expect(again.nodeError?.message).toContain('SAML credential token');
				const tolerant = await runNode(sandbox, 'squadusAuth', params, { continueOnFail: true });
				expect(tolerant.outputs.Squadus).toHaveLength(1);
				expect(tolerant.outputs.Squadus[0].pairedItem).toEqual({ item: 0 });
				expect(tolerant.json[0].error).toContain('SAML credential token');
				expectNoSecrets(tolerant, [credentialToken]);
			});
		},
	);

	describe.each(['rocketchat', 'manual'] as const)(
		'Log In With OAuth Token (%s dialect)',
		(dialect) => {
			beforeAll(() => ctx.sandbox.configure({ dialect }));
			afterAll(() => ctx.sandbox.configure({ dialect: 'rocketchat' }));

			async function providerToken(): Promise<string> {
				const { oauth } = ctx.sandbox.fixtures;
				const response = await fetch(oauth.tokenUrl, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams({
						grant_type: 'client_credentials',
						client_id: oauth.clientId,
						client_secret: oauth.clientSecret,
					}),
				});
				return ((await response.json()) as { access_token: string }).access_token;
			}

			it('exchanges a provider token for a session', async () => {
				const { sandbox } = ctx;
				const { oauth } = sandbox.fixtures;
				const accessToken = await providerToken();
				const run = await runNode(sandbox, 'squadusAuth', {
					operation: 'loginWithOAuth',
					serviceName: oauth.serviceName,
					accessToken,
					expiresIn: 200,
				});
				expect(run.nodeError).toBeUndefined();
				const flat = { serviceName: oauth.serviceName, accessToken, expiresIn: 200 };
				const sent = loginRequestsSent(dialect, flat);
				if (dialect === 'rocketchat') expect(sent[1]).toEqual(flat);
				const providerUser = sandbox.state.userByUsername(oauth.providerUser.username)!;
				expectSession(run.json[0], providerUser._id, dialect === 'manual');
				expectNoSecrets(run, [accessToken, adminPassword()]);
			});

			it('fails for an unknown service, with and without Continue On Fail', async () => {
				const { sandbox } = ctx;
				const params = {
					operation: 'loginWithOAuth',
					serviceName: 'not-configured',
					accessToken: 'provider-token-1',
					expiresIn: 200,
				};
				const stopped = await runNode(sandbox, 'squadusAuth', params);
				expect(stopped.nodeError?.message).toContain('not-configured');
				const tolerant = await runNode(sandbox, 'squadusAuth', params, { continueOnFail: true });
				expect(tolerant.outputs.Squadus).toHaveLength(1);
				expect(tolerant.json[0].error).toContain('not-configured');
				expectNoSecrets(tolerant, ['provider-token-1']);
			});
		},
	);

	describe('Log Out', () => {
		const openSession = () => {
			const { state, fixtures } = ctx.sandbox;
			return state.createSession(fixtures.user._id, 'password', '10.0.0.9', 'Squadus Mobile');
		};

		it('revokes a session token and returns only the status', async () => {
			const { sandbox } = ctx;
			const session = openSession();
			const run = await runNode(sandbox, 'squadusAuth', {
				operation: 'logout',
				userId: sandbox.fixtures.user._id,
				options: { authToken: session.token },
			});
			expect(run.nodeError).toBeUndefined();
			const [request] = sandbox.requests({ path: LOGOUT });
			expect(request.method).toBe('POST');
			expect(request.body).toEqual({ userID: sandbox.fixtures.user._id, authToken: session.token });
			expect(run.json).toEqual([{ status: 'success', message: "You've been logged out!" }]);
			expect(sandbox.state.sessions.has(session.token)).toBe(false);
			expectNoSecrets(run, [session.token, adminPassword()]);
		});

		it("reads the manual's answer { status, message } too", async () => {
			const { sandbox } = ctx;
			sandbox.configure({ dialect: 'manual' });
			try {
				const session = openSession();
				const run = await runNode(sandbox, 'squadusAuth', {
					operation: 'logout',
					userId: sandbox.fixtures.user._id,
					options: { authToken: session.token },
				});
				expect(run.json).toEqual([{ status: 'success', message: "You've been logged out!" }]);
				expect(sandbox.state.sessions.has(session.token)).toBe(false);
			} finally {
				sandbox.configure({ dialect: 'rocketchat' });
			}
		});

		it('fails for a token of another user, with and without Continue On Fail', async () => {
			const { sandbox } = ctx;
			const session = openSession();
			const params = {
				operation: 'logout',
				userId: sandbox.fixtures.bot._id,
				options: { authToken: session.token },
			};
			const stopped = await runNode(sandbox, 'squadusAuth', params);
			expect(stopped.nodeError?.name).toBe('NodeApiError');
			// the server answers { error: 'error-invalid-token', message: 'The authToken does not belong to the user' }
			expect(stopped.nodeError?.message).toMatch(/error-invalid-token|does not belong to the user/);
			const tolerant = await runNode(sandbox, 'squadusAuth', params, { continueOnFail: true });
			expect(tolerant.outputs.Squadus).toHaveLength(1);
			expect(tolerant.outputs.Squadus[0].pairedItem).toEqual({ item: 0 });
			expect(tolerant.json[0].error).toMatch(/error-invalid-token|does not belong to the user/);
			expect(sandbox.state.sessions.has(session.token)).toBe(true);
			expectNoSecrets(tolerant, [session.token]);
		});

		it('shows the 403 answer when a non-admin logs out another user', async () => {
			const { sandbox } = ctx;
			const run = await runNode(
				sandbox,
				'squadusAuth',
				{ operation: 'logout', userId: sandbox.fixtures.admin._id },
				{ as: 'user' },
			);
			expect(run.nodeError?.name).toBe('NodeApiError');
			expect(run.nodeError?.message).toContain('unauthorized');
		});
	});
});
