/**
 * Authentication (manual 3.1): login, SAML/OAuth logins through method.callAnon, logout, /me,
 * and the X-Auth-Token / X-User-Id check every other endpoint relies on.
 */
import type { ApiContext, Route, SandboxCore } from '../core';
import { Reply } from '../core';
import { ApiError, forbidden, loginFailed } from '../errors';
import { userMe } from '../present';
import type { LoginType, SessionRecord, UserRecord } from '../state';
import { verifyTotp } from '../totp';
import { isPlainObject } from '../util';

export interface AuthResult {
	user: UserRecord;
	session?: SessionRecord;
	token: string;
}

/** Resolves X-Auth-Token + X-User-Id to a user: a live login session or a personal access token. */
export function resolveAuth(
	core: SandboxCore,
	headers: Record<string, string>,
): AuthResult | undefined {
	const token = headers['x-auth-token'];
	const userId = headers['x-user-id'];
	if (!token || !userId) return undefined;
	const { state } = core;
	const session = state.sessions.get(token);
	if (session) {
		if (session.userId !== userId || !core.sessionValid(session)) return undefined;
		const user = state.users.get(userId);
		if (!user || !user.active) return undefined;
		session.lastActivity = Date.now();
		return { user, session, token };
	}
	const pat = state.personalAccessTokens.get(token);
	if (pat && pat.userId === userId) {
		const user = state.users.get(userId);
		if (!user || !user.active) return undefined;
		return { user, token };
	}
	return undefined;
}

function badLoginRequest(message: string): ApiError {
	return new ApiError(400, { status: 'error', error: 'invalid-params', message });
}

function loginSuccess(
	ctx: ApiContext,
	user: UserRecord,
	type: LoginType,
	oauthExpiresIn?: number,
): { session: SessionRecord; body: Record<string, unknown> } {
	const session = ctx.core.state.createSession(
		user._id,
		type,
		ctx.ip,
		ctx.userAgent,
		oauthExpiresIn,
	);
	return {
		session,
		body: {
			status: 'success',
			data: { authToken: session.token, userId: user._id, me: userMe(user, ctx.core.url) },
		},
	};
}

function checkActive(user: UserRecord): void {
	if (!user.active) throw loginFailed('error-user-is-not-activated', 'User is not activated');
}

// Manual 3.1.1
function login(ctx: ApiContext): unknown {
	const body = ctx.body;
	if (!isPlainObject(body)) throw badLoginRequest('must be object');
	let login: unknown = body.user ?? body.username ?? body.email;
	if (isPlainObject(login)) login = login.username ?? login.email;
	const password = body.password;
	if (login === undefined || login === null)
		throw badLoginRequest("must have required property 'user'");
	if (password === undefined || password === null)
		throw badLoginRequest("must have required property 'password'");
	if (typeof login !== 'string') throw badLoginRequest("'user' must be string");
	if (typeof password !== 'string') throw badLoginRequest("'password' must be string");
	let code: unknown = body.code ?? (isPlainObject(body.totp) ? body.totp.code : undefined);
	if (typeof code === 'number') code = String(code).padStart(6, '0');
	if (code !== undefined && code !== null && typeof code !== 'string')
		throw badLoginRequest("'code' must be string");

	const { state } = ctx.core;
	const user = state.userByLogin(login.trim());
	if (!user || !state.checkPassword(user, password)) throw loginFailed();
	checkActive(user);
	if (user.totpSecret) {
		if (code === undefined || code === null || code === '') {
			throw loginFailed('totp-required', 'TOTP Required', { method: 'totp', codeGenerated: false });
		}
		if (!verifyTotp(user.totpSecret, code as string)) {
			throw loginFailed('totp-invalid', 'TOTP Invalid', { method: 'totp' });
		}
	}
	return loginSuccess(ctx, user, 'password').body;
}

interface MethodCall {
	wrapped: boolean;
	id: string;
	args: Record<string, unknown>;
}

/** Accepts Rocket.Chat's `{message: "<EJSON>"}` wrapping and the manual's flat bodies. */
function readMethodCall(body: unknown): MethodCall {
	if (!isPlainObject(body)) throw badLoginRequest('must be object');
	if (typeof body.message === 'string') {
		let parsed: unknown;
		try {
			parsed = JSON.parse(body.message);
		} catch {
			throw new ApiError(400, {
				success: false,
				error: 'The "message" body param must be valid EJSON [invalid-params]',
				errorType: 'invalid-params',
			});
		}
		if (!isPlainObject(parsed))
			throw new ApiError(400, {
				success: false,
				error: 'The "message" body param must be an object [invalid-params]',
				errorType: 'invalid-params',
			});
		if (parsed.method !== undefined && parsed.method !== 'login') {
			throw new ApiError(400, {
				success: false,
				error: `Method '${String(parsed.method)}' not allowed here [error-method-not-allowed]`,
				errorType: 'error-method-not-allowed',
			});
		}
		const params = Array.isArray(parsed.params) ? parsed.params[0] : parsed.params;
		return {
			wrapped: true,
			id: String(parsed.id ?? '1'),
			args: isPlainObject(params) ? params : {},
		};
	}
	const params = Array.isArray(body.params) ? body.params[0] : body.params;
	return { wrapped: false, id: '1', args: isPlainObject(params) ? { ...body, ...params } : body };
}

function methodResult(call: MethodCall, result: Record<string, unknown>): Reply {
	return new Reply(200, {
		success: true,
		message: JSON.stringify({ msg: 'result', id: call.id, ...result }),
	});
}

// Manual 3.1.2 (SAML) and 3.1.3 (OAuth)
function callAnonLogin(ctx: ApiContext): unknown {
	const call = readMethodCall(ctx.body);
	const { state, oauth } = ctx.core;
	const args = call.args;

	const fail = (error: string, message: string, status = 401): never => {
		if (call.wrapped) {
			throw methodResult(call, {
				error: {
					isClientSafe: true,
					error,
					reason: message,
					message: `${message} [${error}]`,
					errorType: 'Meteor.Error',
				},
			});
		}
		throw new ApiError(status, { status: 'error', error, message });
	};

	let user: UserRecord | undefined;
	let type: LoginType;
	let expiresIn: number | undefined;
	if (args.saml === true || args.saml === 'true') {
		type = 'saml';
		if (typeof args.credentialToken !== 'string' || !args.credentialToken) {
			return fail('invalid-params', "must have required property 'credentialToken'", 400);
		}
		const credential = state.samlCredentials.get(args.credentialToken);
		// SAML credential tokens are one-time, as in Rocket.Chat
		state.samlCredentials.delete(args.credentialToken);
		user = credential ? state.users.get(credential.userId) : undefined;
		if (!user) return fail('Unauthorized', 'Unable to validate the SAML credential token');
	} else if (args.serviceName !== undefined || args.accessToken !== undefined) {
		type = 'oauth';
		if (typeof args.serviceName !== 'string' || !args.serviceName)
			return fail('invalid-params', "must have required property 'serviceName'", 400);
		if (typeof args.accessToken !== 'string' || !args.accessToken)
			return fail('invalid-params', "must have required property 'accessToken'", 400);
		if (args.expiresIn !== undefined && args.expiresIn !== null) {
			const n =
				typeof args.expiresIn === 'string' && /^\d+$/.test(args.expiresIn)
					? Number(args.expiresIn)
					: args.expiresIn;
			if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
				return fail('invalid-params', "'expiresIn' must be integer", 400);
			expiresIn = n;
		}
		if (args.serviceName !== oauth.serviceName) {
			return fail(
				'service-not-configured',
				`OAuth service "${args.serviceName}" is not configured`,
			);
		}
		const check = oauth.check(args.accessToken);
		if (!check.ok) {
			return fail(
				'Unauthorized',
				check.reason === 'expired'
					? 'The OAuth access token has expired'
					: 'The OAuth access token is not valid',
			);
		}
		user = check.user;
	} else {
		return fail('invalid-params', 'Unrecognized options for login request', 400);
	}
	if (!user.active) return fail('error-user-is-not-activated', 'User is not activated');
	const { session, body } = loginSuccess(ctx, user, type, expiresIn);
	if (call.wrapped) {
		return methodResult(call, {
			result: {
				id: user._id,
				token: session.token,
				tokenExpires: { $date: session.createdAt + ctx.core.config.sessionTtlMs },
				type,
			},
		});
	}
	return body;
}

// Manual 3.1.5
function logout(ctx: ApiContext): unknown {
	const body = ctx.body === undefined || ctx.body === '' ? {} : ctx.body;
	if (!isPlainObject(body)) throw badLoginRequest('must be object');
	const { state } = ctx.core;
	const userID = body.userID ?? body.userId;
	if (userID !== undefined && typeof userID !== 'string')
		throw badLoginRequest("'userID' must be string");
	if (body.authToken !== undefined && typeof body.authToken !== 'string')
		throw badLoginRequest("'authToken' must be string");
	const isAdmin = state.isAdmin(ctx.user);
	if (userID && userID !== ctx.user._id && !isAdmin) throw forbidden();
	const target = (userID as string | undefined) ?? ctx.user._id;
	if (body.authToken) {
		const session = state.sessions.get(body.authToken);
		const pat = state.personalAccessTokens.get(body.authToken);
		if (session && session.userId === target) state.endSession(session);
		else if (pat && pat.userId === target) state.personalAccessTokens.delete(pat.token);
		else
			throw new ApiError(400, {
				status: 'error',
				error: 'error-invalid-token',
				message: 'The authToken does not belong to the user',
			});
	} else if (ctx.session) {
		state.endSession(ctx.session);
	}
	const message = "You've been logged out!";
	// Rocket.Chat (apps/meteor/app/api/server/api.ts, logout) answers { status, data: { message } };
	// the manual documents { status, message }.
	return ctx.core.config.dialect === 'manual'
		? { status: 'success', message }
		: { status: 'success', data: { message } };
}

function me(ctx: ApiContext): unknown {
	return { ...userMe(ctx.user, ctx.core.url), success: true };
}

export const authRoutes: Route[] = [
	{ method: 'POST', path: 'login', auth: false, handler: login },
	{ method: 'POST', path: 'method.callAnon/login', auth: false, handler: callAnonLogin },
	{ method: 'POST', path: 'logout', handler: logout },
	{ method: 'GET', path: 'me', handler: me },
];
