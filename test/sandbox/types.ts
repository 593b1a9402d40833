/**
 * Public types of the Squadus sandbox server (see index.ts for the entry point).
 */
import type { Dialect } from './rocketchat/validators';
import type { NewUser, SandboxState } from './state';

export type { Dialect } from './rocketchat/validators';

export interface RateLimitConfig {
	limit: number;
	windowMs: number;
}

export interface SandboxOptions {
	/** 0 = random free port (default 0) */
	port?: number;
	/** default '127.0.0.1' */
	host?: string;
	/** default 'demo'; 'empty' = only the admin */
	seed?: 'demo' | 'empty';
	/** serve HTTPS with the self-signed certificate in test/fixtures/tls */
	https?: boolean;
	/** session (login) token lifetime, default 24 h; changeable at runtime */
	sessionTtlMs?: number;
	/** default false; the CLI uses { limit: 10, windowMs: 60000 } */
	rateLimit?: false | RateLimitConfig;
	/** mock OAuth2 provider access-token lifetime, default 3600 */
	oauthTokenTtlSec?: number;
	/** default 10 MB; larger bodies get a 413 Rocket.Chat-style JSON error */
	maxBodyBytes?: number;
	/** keep the request log (default true); turn off for long benchmarks */
	logRequests?: boolean;
	/**
	 * Where the vendor manual and Rocket.Chat disagree (method.callAnon/login envelope, logout
	 * answer, users.delete query vs body, channels.create `userId`, channels.members `ids`):
	 * 'rocketchat' (default) accepts and answers what Rocket.Chat does and refuses the manual's
	 * form with Rocket.Chat's error; 'manual' accepts and answers as the manual says. Rocket.Chat's
	 * validators run in both. Changeable at runtime.
	 */
	dialect?: Dialect;
	/**
	 * the server's upper `count` limit (Rocket.Chat's API_Upper_Count_Limit admin setting),
	 * default 100; a lower cap answers short pages that are not the last one
	 */
	maxCount?: number;
	/**
	 * answer user objects to admins (users.info, users.create, users.list) as a real admin API can:
	 * with `password` and `services` (password, resume, totp, email2fa, email, ldap, keycloak)
	 * filled with secrets, which `secrets()` lists; default false
	 */
	userServices?: boolean;
	/** how often the Realtime API (/websocket) pings each connection, default 25 s */
	ddpPingIntervalMs?: number;
}

export type RuntimeConfig = Required<
	Omit<SandboxOptions, 'port' | 'host' | 'seed' | 'https' | 'ddpPingIntervalMs'>
>;

/** Fault switches and counters of the Realtime API (DDP on /websocket). */
export interface SandboxRealtime {
	stats(): { connections: number; accepted: number; logins: number; refusedLogins: number };
	/** closes every WebSocket abruptly; returns how many were open */
	dropConnections(): number;
	/** the open connections stop sending anything (pings, pongs, messages) */
	stallConnections(): number;
	setPingInterval(ms: number): void;
	/**
	 * Stops the whole server (HTTP and WebSocket), runs `whileDown`, waits `downMs` and listens
	 * again on the same port; the state survives.
	 */
	restart(downMs?: number, whileDown?: () => void): Promise<void>;
}

export interface LoggedRequest {
	method: string;
	/** without query, e.g. '/api/v1/chat.postMessage' */
	path: string;
	query: Record<string, string>;
	/** parsed JSON; for multipart: { fields, files: [{ field, filename, mimeType, size }] }; raw string if unparseable */
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	/** the query as Rocket.Chat parses it (`status[]=a&status[]=b` → `{ status: ['a', 'b'] }`) */
	queryParams: Record<string, string | string[]>;
	/** lower-case names */
	headers: Record<string, string>;
	/** 0 when the socket was dropped before answering */
	status: number;
	userId?: string;
	time: number;
	/** set when an injected fault hit this request */
	fault?: FaultMode;
}

export type FaultMode = '429' | '500' | 'slow' | 'drop' | 'dropAfter' | 'malformed';

export interface FaultSpec {
	/** e.g. '/api/v1/chat.postMessage' */
	path: string;
	method?: string;
	mode: FaultMode;
	/** default 1; Infinity allowed */
	times?: number;
	/** 0..1, default 1: each matching request is hit with this probability while times remain */
	probability?: number;
	/** seed of the PRNG used with probability */
	seed?: number;
	/** slow: delay before handling */
	delayMs?: number;
	/** 429: X-RateLimit-Reset = now + resetMs, default 1000 */
	resetMs?: number;
}

export interface FixtureUser {
	_id: string;
	username: string;
	name: string;
	password: string;
	email: string;
}

export interface SandboxFixtures {
	seed: 'demo' | 'empty';
	admin: FixtureUser & { personalAccessToken: string };
	user: FixtureUser & { personalAccessToken: string };
	totpUser: FixtureUser & { totpSecret: string };
	bot: FixtureUser & { personalAccessToken: string };
	users: FixtureUser[];
	channels: {
		general: { _id: string; name: string };
		dev: { _id: string; name: string };
		random: { _id: string; name: string };
	};
	messages: { welcome: { _id: string; rid: string } };
	file: { _id: string; name: string; type: string; url: string; rid: string };
	conference: { _id: string; number: string; rid: string; meetingId: string; recordId: string };
	oauth: {
		serviceName: string;
		clientId: string;
		clientSecret: string;
		authorizeUrl: string;
		tokenUrl: string;
		userInfoUrl: string;
		/** the provider-side user; client_credentials tokens and default authorizations map to it */
		providerUser: { sub: string; username: string };
	};
	saml: { credentialToken: string; username: string };
}

export interface Sandbox {
	/** base server address, e.g. 'http://127.0.0.1:41234' (the API lives at url + '/api/v1') */
	url: string;
	fixtures: SandboxFixtures;
	state: SandboxState;
	requests(filter?: { method?: string; path?: string }): LoggedRequest[];
	clearRequests(): void;
	fault(spec: FaultSpec): void;
	clearFaults(): void;
	configure(
		opts: Partial<
			Pick<
				SandboxOptions,
				| 'sessionTtlMs'
				| 'rateLimit'
				| 'oauthTokenTtlSec'
				| 'logRequests'
				| 'maxCount'
				| 'userServices'
				| 'dialect'
			>
		>,
	): void;
	expireSessions(): void;
	/**
	 * Measures session lifetimes (sessionTtlMs) with this clock instead of the wall clock, so a
	 * test decides when a session runs out; no argument restores the wall clock.
	 */
	setSessionClock(clock?: () => number): void;
	realtime: SandboxRealtime;
	addMessages(
		roomId: string,
		count: number,
		opts?: { text?: (i: number) => string; userId?: string },
	): string[];
	addFile(
		roomId: string,
		file: { name: string; type: string; data: Buffer; userId?: string },
	): { _id: string; url: string };
	createUser(
		u: Pick<NewUser, 'username' | 'name' | 'email' | 'password' | 'roles' | 'totpSecret'>,
	): { _id: string; username: string };
	createPersonalAccessToken(userId: string): string;
	/** ends the running meeting of a conference (STARTED -> ENDED) and produces its record, chat and speech files */
	endConference(conferenceNumber: string): void;
	/** a fresh one-time SAML credential token for a user (the seeded one works once) */
	createSamlCredential(userId: string): string;
	/** what Rocket.Chat's validators checked so far: requests, refusals, and requests per form */
	validation(): { validated: number; rejected: number; forms: Record<string, number> };
	/** every secret the sandbox knows right now: passwords, PATs, TOTP secrets, session and OAuth tokens */
	secrets(): string[];
	/** PEM of the self-signed certificate (when https) */
	ca?: string;
	close(): Promise<void>;
}
