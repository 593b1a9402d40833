import { createHash } from 'crypto';

import { call, login, patAuth } from './client';
import { generateTotp, startSandbox, type Sandbox } from './index';

let sb: Sandbox;

beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(async () => {
	await sb.close();
});

describe('POST /login (manual 3.1.1)', () => {
	it('logs in with a username and answers the manual shape', async () => {
		const { admin } = sb.fixtures;
		const res = await call(sb, 'POST', 'login', {
			body: { user: admin.username, password: admin.password },
		});
		expect(res.status).toBe(200);
		expect(res.body.status).toBe('success');
		expect(res.body.data).toEqual(
			expect.objectContaining({ authToken: expect.any(String), userId: admin._id }),
		);
		expect(res.body.data.me).toEqual(
			expect.objectContaining({
				_id: admin._id,
				username: 'admin',
				emails: [{ address: admin.email, verified: true }],
				roles: ['admin'],
				active: true,
				status: 'online',
				avatarUrl: expect.stringContaining('/avatar/admin'),
			}),
		);
		expect(JSON.stringify(res.body)).not.toContain(admin.password);
	});

	it('accepts an e-mail address as user', async () => {
		const { user } = sb.fixtures;
		const res = await call(sb, 'POST', 'login', {
			body: { user: user.email, password: user.password },
		});
		expect(res.status).toBe(200);
		expect(res.body.data.userId).toBe(user._id);
	});

	it('rejects a wrong password with 401 Unauthorized', async () => {
		const res = await call(sb, 'POST', 'login', { body: { user: 'admin', password: 'nope' } });
		expect(res.status).toBe(401);
		expect(res.body).toEqual({ status: 'error', error: 'Unauthorized', message: 'Unauthorized' });
	});

	it('rejects an unknown user the same way', async () => {
		const res = await call(sb, 'POST', 'login', { body: { user: 'ghost', password: 'x' } });
		expect(res.status).toBe(401);
		expect(res.body.error).toBe('Unauthorized');
	});

	it('needs user and password of the right types', async () => {
		expect((await call(sb, 'POST', 'login', { body: { user: 'admin' } })).status).toBe(400);
		expect((await call(sb, 'POST', 'login', { body: { user: 42, password: 'x' } })).status).toBe(
			400,
		);
	});

	it('asks a 2FA user for the TOTP code', async () => {
		const { totpUser } = sb.fixtures;
		const res = await call(sb, 'POST', 'login', {
			body: { user: totpUser.username, password: totpUser.password },
		});
		expect(res.status).toBe(401);
		expect(res.body).toEqual(
			expect.objectContaining({
				status: 'error',
				error: 'totp-required',
				message: 'TOTP Required',
				details: expect.objectContaining({ method: 'totp' }),
			}),
		);
	});

	it('rejects a wrong TOTP code', async () => {
		const { totpUser } = sb.fixtures;
		const wrong = String(
			(Number(generateTotp(totpUser.totpSecret)) + 500_000) % 1_000_000,
		).padStart(6, '0');
		const res = await call(sb, 'POST', 'login', {
			body: { user: totpUser.username, password: totpUser.password, code: wrong },
		});
		expect(res.status).toBe(401);
		expect(res.body.error).toBe('totp-invalid');
	});

	it('logs a 2FA user in with the current code, and the code of the previous step', async () => {
		const { totpUser } = sb.fixtures;
		const now = await call(sb, 'POST', 'login', {
			body: {
				user: totpUser.username,
				password: totpUser.password,
				code: generateTotp(totpUser.totpSecret),
			},
		});
		expect(now.status).toBe(200);
		const previous = await call(sb, 'POST', 'login', {
			body: {
				user: totpUser.username,
				password: totpUser.password,
				code: generateTotp(totpUser.totpSecret, Date.now() - 30_000),
			},
		});
		expect(previous.status).toBe(200);
		const old = await call(sb, 'POST', 'login', {
			body: {
				user: totpUser.username,
				password: totpUser.password,
				code: generateTotp(totpUser.totpSecret, Date.now() - 120_000),
			},
		});
		expect(old.status).toBe(401);
	});
});

describe('TOTP (RFC 6238)', () => {
	it('matches the RFC test vectors (SHA1, 30 s, truncated to 6 digits)', () => {
		const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32 of "12345678901234567890"
		expect(generateTotp(secret, 59_000)).toBe('287082');
		expect(generateTotp(secret, 1_111_111_109_000)).toBe('081804');
		expect(generateTotp(secret, 2_000_000_000_000)).toBe('279037');
	});
});

describe('authentication of API calls', () => {
	it('401s without the headers', async () => {
		const res = await call(sb, 'GET', 'channels.list');
		expect(res.status).toBe(401);
		expect(res.body).toEqual({ status: 'error', message: 'You must be logged in to do this.' });
	});

	it('401s with a wrong token or a token of another user', async () => {
		const { admin, user } = sb.fixtures;
		expect(
			(
				await call(sb, 'GET', 'channels.list', {
					auth: { 'X-Auth-Token': 'nope', 'X-User-Id': admin._id },
				})
			).status,
		).toBe(401);
		expect(
			(
				await call(sb, 'GET', 'channels.list', {
					auth: { 'X-Auth-Token': admin.personalAccessToken, 'X-User-Id': user._id },
				})
			).status,
		).toBe(401);
		expect(
			(
				await call(sb, 'GET', 'channels.list', {
					auth: { 'X-Auth-Token': admin.personalAccessToken },
				})
			).status,
		).toBe(401);
	});

	it('accepts personal access tokens', async () => {
		const res = await call(sb, 'GET', 'me', { auth: patAuth(sb.fixtures.user) });
		expect(res.status).toBe(200);
		expect(res.body).toEqual(expect.objectContaining({ success: true, username: 'ivan.petrov' }));
	});

	it('accepts a session token until it expires (expireSessions)', async () => {
		const auth = await login(sb, 'ivan.petrov', sb.fixtures.user.password);
		expect((await call(sb, 'GET', 'me', { auth })).status).toBe(200);
		sb.expireSessions();
		const res = await call(sb, 'GET', 'me', { auth });
		expect(res.status).toBe(401);
		expect(res.body.message).toBe('You must be logged in to do this.');
		// personal access tokens do not expire
		expect((await call(sb, 'GET', 'me', { auth: patAuth(sb.fixtures.user) })).status).toBe(200);
	});

	it('expires sessions after sessionTtlMs (changeable at runtime)', async () => {
		const auth = await login(sb, 'admin', sb.fixtures.admin.password);
		sb.configure({ sessionTtlMs: 50 });
		await new Promise((r) => setTimeout(r, 80));
		expect((await call(sb, 'GET', 'me', { auth })).status).toBe(401);
		sb.configure({ sessionTtlMs: 24 * 3600_000 });
		const fresh = await login(sb, 'admin', sb.fixtures.admin.password);
		expect((await call(sb, 'GET', 'me', { auth: fresh })).status).toBe(200);
	});
});

describe('POST /logout (manual 3.1.5)', () => {
	// the manual's forms and answers (see 'the Rocket.Chat dialect' for Rocket.Chat's)
	beforeAll(() => sb.configure({ dialect: 'manual' }));
	afterAll(() => sb.configure({ dialect: 'rocketchat' }));
	it('invalidates the session token', async () => {
		const auth = await login(sb, 'ivan.petrov', sb.fixtures.user.password);
		const res = await call(sb, 'POST', 'logout', { auth, body: { userID: auth['X-User-Id'] } });
		expect(res.status).toBe(200);
		expect(res.body).toEqual(
			expect.objectContaining({ status: 'success', message: expect.any(String) }),
		);
		expect((await call(sb, 'GET', 'me', { auth })).status).toBe(401);
	});

	it('invalidates the authToken given in the body', async () => {
		const victim = await login(sb, 'ivan.petrov', sb.fixtures.user.password);
		const res = await call(sb, 'POST', 'logout', {
			auth: patAuth(sb.fixtures.user),
			body: { userID: sb.fixtures.user._id, authToken: victim['X-Auth-Token'] },
		});
		expect(res.status).toBe(200);
		expect((await call(sb, 'GET', 'me', { auth: victim })).status).toBe(401);
	});

	it('needs authentication, and refuses to log out someone else', async () => {
		expect((await call(sb, 'POST', 'logout', { body: {} })).status).toBe(401);
		const res = await call(sb, 'POST', 'logout', {
			auth: patAuth(sb.fixtures.user),
			body: { userID: sb.fixtures.admin._id },
		});
		expect(res.status).toBe(403);
	});
});

describe('POST /method.callAnon/login with SAML (manual 3.1.2)', () => {
	// the manual's forms and answers (see 'the Rocket.Chat dialect' for Rocket.Chat's)
	beforeAll(() => sb.configure({ dialect: 'manual' }));
	afterAll(() => sb.configure({ dialect: 'rocketchat' }));
	it('logs in with a credential token once', async () => {
		const { saml, user } = sb.fixtures;
		const res = await call(sb, 'POST', 'method.callAnon/login', {
			body: { params: { saml: true, credentialToken: saml.credentialToken } },
		});
		expect(res.status).toBe(200);
		expect(res.body.status).toBe('success');
		expect(res.body.data.userId).toBe(user._id);
		expect(res.body.data.me.username).toBe(saml.username);
		const again = await call(sb, 'POST', 'method.callAnon/login', {
			body: { params: { saml: true, credentialToken: saml.credentialToken } },
		});
		expect(again.status).toBe(401);
		expect(again.body.status).toBe('error');
	});

	it('accepts the Rocket.Chat method-call wrapping', async () => {
		const token = sb.createSamlCredential(sb.fixtures.admin._id);
		const message = JSON.stringify({
			msg: 'method',
			method: 'login',
			id: '7',
			params: [{ saml: true, credentialToken: token }],
		});
		const res = await call(sb, 'POST', 'method.callAnon/login', { body: { message } });
		expect(res.status).toBe(200);
		expect(res.body.success).toBe(true);
		const inner = JSON.parse(res.body.message);
		expect(inner).toEqual(
			expect.objectContaining({
				msg: 'result',
				id: '7',
				result: expect.objectContaining({
					id: sb.fixtures.admin._id,
					token: expect.any(String),
					type: 'saml',
				}),
			}),
		);
		expect(
			(
				await call(sb, 'GET', 'me', {
					auth: { 'X-Auth-Token': inner.result.token, 'X-User-Id': inner.result.id },
				})
			).status,
		).toBe(200);
		const failed = await call(sb, 'POST', 'method.callAnon/login', { body: { message } });
		expect(JSON.parse(failed.body.message).error).toEqual(
			expect.objectContaining({ error: 'Unauthorized' }),
		);
	});
});

describe('mock OAuth2 provider + POST /method.callAnon/login with OAuth (manual 3.1.3)', () => {
	// the manual's forms and answers (see 'the Rocket.Chat dialect' for Rocket.Chat's)
	beforeAll(() => sb.configure({ dialect: 'manual' }));
	afterAll(() => sb.configure({ dialect: 'rocketchat' }));
	async function authorize(extra: Record<string, string> = {}): Promise<URL> {
		const { oauth } = sb.fixtures;
		const res = await call(sb, 'GET', '/oauth/authorize', {
			query: {
				response_type: 'code',
				client_id: oauth.clientId,
				redirect_uri: 'http://localhost:5678/rest/oauth2-credential/callback',
				state: 'xyz',
				scope: 'openid',
				...extra,
			},
		});
		expect(res.status).toBe(302);
		return new URL(res.headers.get('location') as string);
	}

	it('runs the authorization-code flow and exchanges the token for a Squadus session', async () => {
		const { oauth, user } = sb.fixtures;
		const redirect = await authorize();
		expect(redirect.searchParams.get('state')).toBe('xyz');
		const code = redirect.searchParams.get('code') as string;
		const basic = Buffer.from(`${oauth.clientId}:${oauth.clientSecret}`).toString('base64');
		const token = await call(sb, 'POST', '/oauth/token', {
			raw: new URLSearchParams({
				grant_type: 'authorization_code',
				code,
				redirect_uri: 'http://localhost:5678/rest/oauth2-credential/callback',
			}).toString(),
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Authorization: `Basic ${basic}`,
			},
		});
		expect(token.status).toBe(200);
		expect(token.body).toEqual(
			expect.objectContaining({
				access_token: expect.any(String),
				refresh_token: expect.any(String),
				expires_in: 3600,
				token_type: 'Bearer',
			}),
		);
		// the code is single-use
		const reuse = await call(sb, 'POST', '/oauth/token', {
			body: {
				grant_type: 'authorization_code',
				code,
				client_id: oauth.clientId,
				client_secret: oauth.clientSecret,
			},
		});
		expect(reuse.status).toBe(400);
		expect(reuse.body.error).toBe('invalid_grant');

		const res = await call(sb, 'POST', 'method.callAnon/login', {
			body: {
				serviceName: oauth.serviceName,
				accessToken: token.body.access_token,
				expiresIn: 3600,
			},
		});
		expect(res.status).toBe(200);
		expect(res.body.data.userId).toBe(user._id);

		const refreshed = await call(sb, 'POST', '/oauth/token', {
			body: {
				grant_type: 'refresh_token',
				refresh_token: token.body.refresh_token,
				client_id: oauth.clientId,
				client_secret: oauth.clientSecret,
			},
		});
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.access_token).not.toBe(token.body.access_token);

		const info = await call(sb, 'GET', '/oauth/userinfo', {
			headers: { Authorization: `Bearer ${refreshed.body.access_token}` },
		});
		expect(info.body).toEqual(expect.objectContaining({ preferred_username: 'ivan.petrov' }));
	});

	it('supports PKCE and login_hint', async () => {
		const { oauth, admin } = sb.fixtures;
		const verifier = 'a-very-long-code-verifier-0123456789-abcdefghijklmnop';
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		const redirect = await authorize({
			code_challenge: challenge,
			code_challenge_method: 'S256',
			login_hint: 'admin',
		});
		const code = redirect.searchParams.get('code') as string;
		const bad = await call(sb, 'POST', '/oauth/token', {
			body: {
				grant_type: 'authorization_code',
				code,
				client_id: oauth.clientId,
				client_secret: oauth.clientSecret,
				code_verifier: 'wrong',
			},
		});
		expect(bad.status).toBe(400);
		const redirect2 = await authorize({
			code_challenge: challenge,
			code_challenge_method: 'S256',
			login_hint: 'admin',
		});
		const ok = await call(sb, 'POST', '/oauth/token', {
			body: {
				grant_type: 'authorization_code',
				code: redirect2.searchParams.get('code'),
				client_id: oauth.clientId,
				client_secret: oauth.clientSecret,
				code_verifier: verifier,
			},
		});
		expect(ok.status).toBe(200);
		const res = await call(sb, 'POST', 'method.callAnon/login', {
			body: { serviceName: 'keycloak', accessToken: ok.body.access_token, expiresIn: 60 },
		});
		expect(res.body.data.userId).toBe(admin._id);
	});

	it('maps client_credentials tokens to the configured user', async () => {
		const { oauth, user } = sb.fixtures;
		const token = await call(sb, 'POST', '/oauth/token', {
			body: {
				grant_type: 'client_credentials',
				client_id: oauth.clientId,
				client_secret: oauth.clientSecret,
			},
		});
		expect(token.status).toBe(200);
		const res = await call(sb, 'POST', 'method.callAnon/login', {
			body: { serviceName: 'keycloak', accessToken: token.body.access_token, expiresIn: 3600 },
		});
		expect(res.body.data.userId).toBe(user._id);
	});

	it('rejects bad clients, grants and redirect URIs', async () => {
		const { oauth } = sb.fixtures;
		const wrongSecret = await call(sb, 'POST', '/oauth/token', {
			body: { grant_type: 'client_credentials', client_id: oauth.clientId, client_secret: 'nope' },
		});
		expect(wrongSecret.status).toBe(401);
		expect(wrongSecret.body.error).toBe('invalid_client');
		const grant = await call(sb, 'POST', '/oauth/token', {
			body: {
				grant_type: 'password',
				client_id: oauth.clientId,
				client_secret: oauth.clientSecret,
			},
		});
		expect(grant.body.error).toBe('unsupported_grant_type');
		const noRedirect = await call(sb, 'GET', '/oauth/authorize', {
			query: { response_type: 'code', client_id: oauth.clientId },
		});
		expect(noRedirect.status).toBe(400);
		const unknownClient = await call(sb, 'GET', '/oauth/authorize', {
			query: { response_type: 'code', client_id: 'x', redirect_uri: 'http://localhost/cb' },
		});
		expect(unknownClient.status).toBe(400);
	});

	it('rejects expired and unknown provider tokens', async () => {
		const { oauth } = sb.fixtures;
		sb.configure({ oauthTokenTtlSec: 0 });
		const token = await call(sb, 'POST', '/oauth/token', {
			body: {
				grant_type: 'client_credentials',
				client_id: oauth.clientId,
				client_secret: oauth.clientSecret,
			},
		});
		sb.configure({ oauthTokenTtlSec: 3600 });
		expect(token.body.expires_in).toBe(0);
		const expired = await call(sb, 'POST', 'method.callAnon/login', {
			body: { serviceName: 'keycloak', accessToken: token.body.access_token, expiresIn: 0 },
		});
		expect(expired.status).toBe(401);
		expect(expired.body).toEqual(
			expect.objectContaining({ status: 'error', message: expect.stringContaining('expired') }),
		);
		const unknown = await call(sb, 'POST', 'method.callAnon/login', {
			body: { serviceName: 'keycloak', accessToken: 'made-up', expiresIn: 3600 },
		});
		expect(unknown.status).toBe(401);
		const service = await call(sb, 'POST', 'method.callAnon/login', {
			body: { serviceName: 'google', accessToken: 'made-up', expiresIn: 3600 },
		});
		expect(service.status).toBe(401);
		const types = await call(sb, 'POST', 'method.callAnon/login', {
			body: { serviceName: 'keycloak', accessToken: 'x', expiresIn: 'soon' },
		});
		expect(types.status).toBe(400);
	});
});

describe('the Rocket.Chat dialect (default): method.callAnon/login and logout', () => {
	it("refuses the manual's flat bodies with isMeteorCall's error and takes the message envelope", async () => {
		const user = sb.fixtures.user;
		const saml = sb.createSamlCredential(user._id);
		const flat = await call(sb, 'POST', 'method.callAnon/login', {
			body: { params: { saml: true, credentialToken: saml } },
		});
		expect(flat.status).toBe(400);
		expect(flat.body).toEqual({
			success: false,
			error: "must have required property 'message' [invalid-params]",
			errorType: 'invalid-params',
		});
		// the refused request did not use up the one-time token
		const wrapped = await call(sb, 'POST', 'method.callAnon/login', {
			body: {
				message: JSON.stringify({
					msg: 'method',
					id: '7',
					method: 'login',
					params: [{ saml: true, credentialToken: saml }],
				}),
			},
		});
		expect(wrapped.status).toBe(200);
		expect(wrapped.body.success).toBe(true);
		const result = JSON.parse(wrapped.body.message);
		expect(result).toEqual({
			msg: 'result',
			id: '7',
			result: expect.objectContaining({ id: user._id, token: expect.any(String) }),
		});
		expect(
			(await call(sb, 'GET', 'me', { auth: { 'X-Auth-Token': result.result.token, 'X-User-Id': user._id } }))
				.body.username,
		).toBe(user.username);
	});

	it('answers logout with { status, data: { message } }', async () => {
		const auth = await login(sb, 'anna.smirnova', 'Anna#Passw0rd');
		const res = await call(sb, 'POST', 'logout', { auth, body: {} });
		expect(res.body).toEqual({ status: 'success', data: { message: "You've been logged out!" } });
		expect((await call(sb, 'GET', 'me', { auth })).status).toBe(401);
	});

	it('switches dialect through POST /_sandbox/config', async () => {
		const bad = await fetch(`${sb.url}/_sandbox/config`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ dialect: 'squadus' }),
		});
		expect(bad.status).toBe(400);
		const ok = await fetch(`${sb.url}/_sandbox/config`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ dialect: 'manual' }),
		});
		expect(((await ok.json()) as { config: { dialect: string } }).config.dialect).toBe('manual');
		const auth = await login(sb, 'anna.smirnova', 'Anna#Passw0rd');
		const res = await call(sb, 'POST', 'logout', { auth, body: {} });
		expect(res.body).toEqual({ status: 'success', message: "You've been logged out!" });
		sb.configure({ dialect: 'rocketchat' });
	});
});
