/**
 * A mock OAuth2 provider (the Keycloak a Squadus install delegates to):
 * GET /oauth/authorize (auto-approves), POST /oauth/token, GET /oauth/userinfo.
 */
import { createHash } from 'crypto';

import type { RequestInfo } from './core';
import { Reply } from './core';
import type { SandboxState, UserRecord } from './state';
import { randomToken, safeEqual } from './util';

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
	/** client_credentials tokens and authorizations without login_hint act as this user */
	defaultUserId: string;
}

interface CodeRecord {
	clientId: string;
	userId: string;
	redirectUri: string;
	scope: string;
	expiresAt: number;
	codeChallenge?: string;
	codeChallengeMethod?: string;
}

export interface AccessTokenRecord {
	token: string;
	clientId: string;
	userId: string;
	scope: string;
	issuedAt: number;
	expiresAt: number;
}

interface RefreshTokenRecord {
	token: string;
	clientId: string;
	userId: string;
	scope: string;
}

export type TokenCheck =
	| { ok: true; user: UserRecord; token: AccessTokenRecord }
	| { ok: false; reason: 'unknown' | 'expired' };

const CODE_TTL_MS = 10 * 60 * 1000;
const DEFAULT_SCOPE = 'openid profile email';

function oauthError(
	status: number,
	error: string,
	description: string,
	headers: Record<string, string> = {},
): Reply {
	return new Reply(
		status,
		{ error, error_description: description },
		{ 'Cache-Control': 'no-store', ...headers },
	);
}

function asString(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

export class OAuthProvider {
	readonly serviceName = 'keycloak';
	readonly clients = new Map<string, OAuthClient>();
	readonly codes = new Map<string, CodeRecord>();
	readonly accessTokens = new Map<string, AccessTokenRecord>();
	readonly refreshTokens = new Map<string, RefreshTokenRecord>();

	constructor(
		private readonly state: SandboxState,
		private readonly ttlSec: () => number,
	) {}

	registerClient(client: OAuthClient): void {
		this.clients.set(client.clientId, client);
	}

	/** The provider-side subject of a sandbox user. */
	subjectOf(user: UserRecord): string {
		return `kc-${user._id}`;
	}

	issueAccessToken(clientId: string, userId: string, scope = DEFAULT_SCOPE): AccessTokenRecord {
		const now = Date.now();
		const record: AccessTokenRecord = {
			token: randomToken(),
			clientId,
			userId,
			scope,
			issuedAt: now,
			expiresAt: now + this.ttlSec() * 1000,
		};
		this.accessTokens.set(record.token, record);
		return record;
	}

	check(accessToken: string, now = Date.now()): TokenCheck {
		const record = this.accessTokens.get(accessToken);
		if (!record) return { ok: false, reason: 'unknown' };
		if (now >= record.expiresAt) return { ok: false, reason: 'expired' };
		const user = this.state.users.get(record.userId);
		if (!user) return { ok: false, reason: 'unknown' };
		return { ok: true, user, token: record };
	}

	secrets(): string[] {
		return [
			...[...this.clients.values()].map((c) => c.clientSecret),
			...this.codes.keys(),
			...this.accessTokens.keys(),
			...this.refreshTokens.keys(),
		];
	}

	handle(req: RequestInfo): Reply {
		const route = `${req.method} ${req.path}`;
		switch (route) {
			case 'GET /oauth/authorize':
				return this.authorize(req.query);
			case 'POST /oauth/token':
				return this.token(req);
			case 'GET /oauth/userinfo':
			case 'POST /oauth/userinfo':
				return this.userinfo(req);
			default:
				if (['/oauth/authorize', '/oauth/token', '/oauth/userinfo'].includes(req.path)) {
					return new Reply(405, {
						error: 'invalid_request',
						error_description: `Method ${req.method} not allowed`,
					});
				}
				return new Reply(404, {
					error: 'not_found',
					error_description: `No OAuth endpoint at ${req.path}`,
				});
		}
	}

	private authorize(query: Record<string, string>): Reply {
		const client = this.clients.get(query.client_id ?? '');
		if (!client) return oauthError(400, 'invalid_client', 'Unknown client_id');
		const redirectUri = query.redirect_uri;
		let target: URL;
		try {
			target = new URL(redirectUri ?? '');
			if (!/^https?:$/.test(target.protocol)) throw new Error('scheme');
		} catch {
			return oauthError(400, 'invalid_request', 'redirect_uri must be an absolute http(s) URL');
		}
		const redirect = (params: Record<string, string | undefined>): Reply => {
			for (const [key, value] of Object.entries(params))
				if (value !== undefined) target.searchParams.set(key, value);
			return new Reply(302, '', { Location: target.toString() }, true);
		};
		if (query.response_type !== 'code') {
			return redirect({ error: 'unsupported_response_type', state: query.state });
		}
		const hint = query.login_hint ?? query.username;
		const user = hint ? this.state.userByLogin(hint) : this.state.users.get(client.defaultUserId);
		if (!user || !user.active)
			return redirect({
				error: 'access_denied',
				error_description: 'Unknown user',
				state: query.state,
			});
		const method = query.code_challenge_method ?? (query.code_challenge ? 'plain' : undefined);
		if (method && method !== 'S256' && method !== 'plain') {
			return redirect({
				error: 'invalid_request',
				error_description: 'Unsupported code_challenge_method',
				state: query.state,
			});
		}
		const code = randomToken();
		this.codes.set(code, {
			clientId: client.clientId,
			userId: user._id,
			redirectUri: redirectUri as string,
			scope: query.scope || DEFAULT_SCOPE,
			expiresAt: Date.now() + CODE_TTL_MS,
			codeChallenge: query.code_challenge,
			codeChallengeMethod: method,
		});
		return redirect({ code, state: query.state });
	}

	private authenticateClient(
		req: RequestInfo,
		params: Record<string, unknown>,
	): OAuthClient | Reply {
		let clientId = asString(params.client_id);
		let clientSecret = asString(params.client_secret);
		const authorization = req.headers.authorization ?? '';
		const usedBasic = /^basic\s/i.test(authorization);
		if (usedBasic) {
			const decoded = Buffer.from(authorization.replace(/^basic\s+/i, ''), 'base64').toString(
				'utf8',
			);
			const colon = decoded.indexOf(':');
			if (colon < 0)
				return oauthError(401, 'invalid_client', 'Malformed Basic credentials', {
					'WWW-Authenticate': 'Basic realm="sandbox"',
				});
			try {
				clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
				clientSecret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
			} catch {
				return oauthError(401, 'invalid_client', 'Malformed Basic credentials', {
					'WWW-Authenticate': 'Basic realm="sandbox"',
				});
			}
		}
		const client = this.clients.get(clientId ?? '');
		if (!client || clientSecret === undefined || !safeEqual(client.clientSecret, clientSecret)) {
			return oauthError(
				401,
				'invalid_client',
				'Invalid client or Invalid client credentials',
				usedBasic ? { 'WWW-Authenticate': 'Basic realm="sandbox"' } : {},
			);
		}
		return client;
	}

	private tokenResponse(access: AccessTokenRecord, refreshToken?: string): Reply {
		return new Reply(
			200,
			{
				access_token: access.token,
				token_type: 'Bearer',
				expires_in: Math.round((access.expiresAt - access.issuedAt) / 1000),
				...(refreshToken ? { refresh_token: refreshToken, refresh_expires_in: 1800 } : {}),
				scope: access.scope,
			},
			{ 'Cache-Control': 'no-store', Pragma: 'no-cache' },
		);
	}

	private token(req: RequestInfo): Reply {
		const params =
			typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)
				? (req.body as Record<string, unknown>)
				: {};
		const grantType = asString(params.grant_type);
		if (!grantType) return oauthError(400, 'invalid_request', 'Missing parameter: grant_type');
		const client = this.authenticateClient(req, params);
		if (client instanceof Reply) return client;

		if (grantType === 'client_credentials') {
			const access = this.issueAccessToken(
				client.clientId,
				client.defaultUserId,
				asString(params.scope) || DEFAULT_SCOPE,
			);
			return this.tokenResponse(access);
		}

		if (grantType === 'authorization_code') {
			const code = asString(params.code);
			if (!code) return oauthError(400, 'invalid_request', 'Missing parameter: code');
			const record = this.codes.get(code);
			this.codes.delete(code);
			if (!record || record.clientId !== client.clientId || Date.now() >= record.expiresAt) {
				return oauthError(400, 'invalid_grant', 'Code not valid');
			}
			const redirectUri = asString(params.redirect_uri);
			if (redirectUri !== undefined && redirectUri !== record.redirectUri) {
				return oauthError(400, 'invalid_grant', 'Incorrect redirect_uri');
			}
			if (record.codeChallenge) {
				const verifier = asString(params.code_verifier);
				if (!verifier)
					return oauthError(
						400,
						'invalid_grant',
						'PKCE verification failed: code_verifier is missing',
					);
				const computed =
					record.codeChallengeMethod === 'S256'
						? createHash('sha256').update(verifier).digest('base64url')
						: verifier;
				if (computed !== record.codeChallenge)
					return oauthError(400, 'invalid_grant', 'PKCE verification failed');
			}
			const access = this.issueAccessToken(client.clientId, record.userId, record.scope);
			const refresh: RefreshTokenRecord = {
				token: randomToken(),
				clientId: client.clientId,
				userId: record.userId,
				scope: record.scope,
			};
			this.refreshTokens.set(refresh.token, refresh);
			return this.tokenResponse(access, refresh.token);
		}

		if (grantType === 'refresh_token') {
			const token = asString(params.refresh_token);
			if (!token) return oauthError(400, 'invalid_request', 'Missing parameter: refresh_token');
			const record = this.refreshTokens.get(token);
			if (!record || record.clientId !== client.clientId || !this.state.users.has(record.userId)) {
				return oauthError(400, 'invalid_grant', 'Invalid refresh token');
			}
			const access = this.issueAccessToken(client.clientId, record.userId, record.scope);
			return this.tokenResponse(access, record.token);
		}

		return oauthError(400, 'unsupported_grant_type', `Unsupported grant_type ${grantType}`);
	}

	private userinfo(req: RequestInfo): Reply {
		const match = /^bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
		const check = match ? this.check(match[1].trim()) : undefined;
		if (!check || !check.ok) {
			return oauthError(
				401,
				'invalid_token',
				check && !check.ok && check.reason === 'expired' ? 'Token expired' : 'Token invalid',
				{
					'WWW-Authenticate': 'Bearer error="invalid_token"',
				},
			);
		}
		const user = check.user;
		return new Reply(200, {
			sub: this.subjectOf(user),
			preferred_username: user.username,
			name: user.name,
			email: user.emails[0]?.address,
			email_verified: user.emails[0]?.verified ?? false,
		});
	}
}
