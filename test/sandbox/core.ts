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

	/** Is a session token still usable? (lifetime is read at check time, so configure() applies to all) */
	sessionValid(session: SessionRecord, now = Date.now()): boolean {
		return !session.expired && now - session.createdAt < this.config.sessionTtlMs;
	}
}
