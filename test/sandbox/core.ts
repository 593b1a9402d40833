/**
 * The sandbox core shared by the HTTP layer and the route modules, and the route types.
 */
import { randomBytes } from 'crypto';

import type { MultipartFile } from './multipart';
import { OAuthProvider } from './oauth';
import type { QueryParams } from './rocketchat/validators';
import type { SessionRecord, UserRecord } from './state';
import { SandboxState } from './state';
import type { RuntimeConfig, SandboxFixtures } from './types';

export interface RequestInfo {
	method: string;
	path: string;
	/** first value of each query key */
	query: Record<string, string>;
	/** the query parsed as Rocket.Chat's express does (`a[]=x&a[]=y` → array) */
	queryParams: QueryParams;
	headers: Record<string, string>;
	/** parsed body: JSON value, urlencoded/multipart fields object, or undefined */
	body: unknown;
	files: MultipartFile[];
	ip: string;
	userAgent: string;
}

export interface ApiContext extends RequestInfo {
	core: SandboxCore;
	/** set on routes that need authentication */
	user: UserRecord;
	session?: SessionRecord;
	authToken?: string;
}

/** A non-200 or non-JSON answer from a handler. */
export class Reply {
	constructor(
		readonly status: number,
		readonly body: unknown,
		readonly headers: Record<string, string> = {},
		/** send `body` (a Buffer or string) as is instead of JSON */
		readonly raw = false,
	) {}
}

/** The login data fields of a user document (see SandboxCore.userServices). */
export interface UserServices {
	password: { bcrypt: string };
	services: Record<string, Record<string, unknown>>;
}

export type Handler = (ctx: ApiContext) => unknown;

export interface Route {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** the path after /api/v1/, e.g. 'chat.postMessage' */
	path: string;
	/** default true */
	auth?: boolean;
	handler: Handler;
}

/** What Rocket.Chat's checks (rocketchat/validators.ts) saw: requests, refusals, request forms. */
export interface ValidationStats {
	validated: number;
	rejected: number;
	/** form (route and parameter names) → requests */
	forms: Map<string, number>;
}

export class SandboxCore {
	readonly state = new SandboxState();
	readonly validation: ValidationStats = { validated: 0, rejected: 0, forms: new Map() };
	readonly oauth: OAuthProvider;
	/** base address, set once the server listens */
	url = '';
	/** HS256 key of the Jitsi tokens */
	readonly jwtSecret = randomBytes(32).toString('hex');
	fixtures!: SandboxFixtures;

	constructor(readonly config: RuntimeConfig) {
		this.oauth = new OAuthProvider(this.state, () => this.config.oauthTokenTtlSec);
	}

	private readonly servicesByUser = new Map<string, UserServices>();

	/**
	 * What a real admin API can send along with a user (Rocket.Chat keeps login data in the user
	 * document): the password hash, login tokens, the TOTP secret and backup codes, e-mail codes,
	 * and the user's entries at an LDAP directory and an OAuth provider. Made once per user.
	 */
	userServices(userId: string): UserServices {
		let services = this.servicesByUser.get(userId);
		if (!services) {
			const secret = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;
			const bcrypt = `$2b$10$${randomBytes(22).toString('base64url')}`;
			services = {
				password: { bcrypt: secret('bcrypt') },
				services: {
					password: { bcrypt, reset: { token: secret('reset'), reason: 'enroll' } },
					resume: {
						loginTokens: [{ when: new Date(0).toISOString(), hashedToken: secret('resume') }],
					},
					totp: { enabled: true, secret: secret('totp'), hashedBackup: [secret('backup')] },
					email2fa: {
						enabled: true,
						changedAt: new Date(0).toISOString(),
						code: secret('email2fa'),
					},
					email: { verificationTokens: [{ token: secret('verify'), address: 'x@squadus.test' }] },
					ldap: { id: `ldap-${userId}`, idAttribute: 'objectGUID' },
					keycloak: {
						id: `kc-${userId}`,
						accessToken: secret('kc-access'),
						refreshToken: secret('kc-refresh'),
						idToken: secret('kc-id'),
						expiresAt: 0,
					},
				},
			};
			this.servicesByUser.set(userId, services);
		}
		return services;
	}

	/** Every secret userServices() handed out (for the secret scan). */
	userServiceSecrets(): string[] {
		const out: string[] = [];
		const walk = (value: unknown, key: string): void => {
			if (typeof value === 'string') {
				if (!['id', 'idAttribute', 'when', 'changedAt', 'reason', 'address'].includes(key))
					out.push(value);
			} else if (value && typeof value === 'object') {
				for (const [k, v] of Object.entries(value)) walk(v, k);
			}
		};
		for (const services of this.servicesByUser.values()) walk(services, '');
		return out;
	}

	/** Is a session token still usable? (lifetime is read at check time, so configure() applies to all) */
	sessionValid(session: SessionRecord, now = this.state.sessionClock()): boolean {
		return !session.expired && now - session.createdAt < this.config.sessionTtlMs;
	}
}
