/**
 * The Squadus sandbox server: a local stand-in for Squadus (MyOffice's messenger built on
 * Rocket.Chat) that tests, benchmarks and demos run against.
 *
 *   const sandbox = await startSandbox();
 *   await fetch(`${sandbox.url}/api/v1/login`, ...);
 *   await sandbox.close();
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';

import { createControl, checkConfigPatch } from './control';
import { SandboxCore } from './core';
import { loadValidators } from './rocketchat/validators';
import { endConference } from './routes/conference';
import { MAX_COUNT } from './params';
import { DEMO_SECRETS, seedDemo, seedEmpty } from './seed';
import { RealtimeServer } from './realtime';
import { SandboxHttpServer, TLS_DIR } from './server';
import type { RuntimeConfig, Sandbox, SandboxOptions } from './types';

export type {
	Dialect,
	FaultMode,
	FaultSpec,
	FixtureUser,
	LoggedRequest,
	RateLimitConfig,
	Sandbox,
	SandboxFixtures,
	SandboxOptions,
} from './types';
export type { SandboxState } from './state';
export { DEMO_CREDENTIALS, DEMO_SECRETS } from './seed';
export { generateTotp, verifyTotp } from './totp';

/** The self-signed certificate the HTTPS mode serves (CN/SAN localhost and 127.0.0.1). */
export const TLS_CERT_PATH = path.join(TLS_DIR, 'cert.pem');
export const TLS_KEY_PATH = path.join(TLS_DIR, 'key.pem');

export const DEFAULT_SESSION_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** How often the Realtime API pings each connection by default. */
export const DEFAULT_DDP_PING_INTERVAL_MS = 25_000;

/**
 * With SQUADUS_VALIDATION_DIR set (the jest suite's global setup sets it), each sandbox leaves
 * what Rocket.Chat's validators checked there, for the suite's total (global teardown).
 */
function recordValidation(sandbox: Sandbox): void {
	const dir = process.env.SQUADUS_VALIDATION_DIR;
	if (!dir) return;
	const stats = sandbox.validation();
	if (stats.validated === 0) return;
	mkdirSync(dir, { recursive: true });
	const name = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`;
	writeFileSync(`${dir}/${name}`, JSON.stringify(stats));
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
	const config: RuntimeConfig = {
		sessionTtlMs: opts.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
		rateLimit: opts.rateLimit ?? false,
		oauthTokenTtlSec: opts.oauthTokenTtlSec ?? 3600,
		maxBodyBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
		logRequests: opts.logRequests ?? true,
		dialect: opts.dialect ?? 'rocketchat',
		maxCount: opts.maxCount ?? MAX_COUNT,
		userServices: opts.userServices ?? false,
	};
	loadValidators();
	const core = new SandboxCore(config);
	const server = new SandboxHttpServer(core);
	const realtime = new RealtimeServer(core, opts.ddpPingIntervalMs ?? DEFAULT_DDP_PING_INTERVAL_MS);
	server.upgrade = (req, socket, head) => realtime.upgrade(req, socket, head);
	const host = opts.host ?? '127.0.0.1';
	const port = await server.listen(opts.port ?? 0, host, !!opts.https);
	const urlHost =
		host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
	core.url = `${opts.https ? 'https' : 'http'}://${urlHost}:${port}`;
	core.fixtures = opts.seed === 'empty' ? seedEmpty(core) : seedDemo(core);
	const { state } = core;

	const sandbox: Sandbox = {
		url: core.url,
		fixtures: core.fixtures,
		state,
		ca: opts.https ? readFileSync(TLS_CERT_PATH, 'utf8') : undefined,

		requests(filter = {}) {
			const method = filter.method?.toUpperCase();
			return server.log.filter(
				(r) => (!method || r.method === method) && (!filter.path || r.path === filter.path),
			);
		},
		clearRequests() {
			server.log = [];
		},
		fault(spec) {
			server.faults.add(spec);
		},
		clearFaults() {
			server.faults.clear();
		},
		configure(patch) {
			const checked = checkConfigPatch(patch);
			if (checked.sessionTtlMs !== undefined) config.sessionTtlMs = checked.sessionTtlMs;
			if (checked.oauthTokenTtlSec !== undefined)
				config.oauthTokenTtlSec = checked.oauthTokenTtlSec;
			if (checked.logRequests !== undefined) config.logRequests = checked.logRequests;
			if (checked.dialect !== undefined) config.dialect = checked.dialect;
			if (checked.maxCount !== undefined) config.maxCount = checked.maxCount;
			if (checked.userServices !== undefined) config.userServices = checked.userServices;
			if (checked.rateLimit !== undefined) {
				config.rateLimit = checked.rateLimit;
				server.limiter.reset();
			}
		},
		setSessionClock(clock = Date.now) {
			state.sessionClock = clock;
		},
		expireSessions() {
			for (const session of state.sessions.values()) session.expired = true;
			realtime.checkSessions();
		},
		realtime: {
			stats: () => ({ ...realtime.stats }),
			dropConnections: () => realtime.dropConnections(),
			stallConnections: () => realtime.stallConnections(),
			setPingInterval(ms) {
				realtime.pingIntervalMs = ms;
			},
			restart: (downMs = 0, whileDown) => {
				realtime.dropConnections();
				return server.restart(downMs, whileDown);
			},
		},
		addMessages(roomId, count, options = {}) {
			if (!state.rooms.has(roomId)) throw new Error(`Unknown room ${roomId}`);
			if (!Number.isInteger(count) || count < 0)
				throw new Error('count must be a non-negative integer');
			const user = state.users.get(options.userId ?? core.fixtures.admin._id);
			if (!user) throw new Error(`Unknown user ${options.userId}`);
			return state.addMessages(roomId, user, count, options.text ?? ((i) => `Message ${i + 1}`));
		},
		addFile(roomId, file) {
			if (!state.rooms.has(roomId)) throw new Error(`Unknown room ${roomId}`);
			const user = state.users.get(file.userId ?? core.fixtures.admin._id);
			if (!user) throw new Error(`Unknown user ${file.userId}`);
			const record = state.uploadFile(roomId, user, file.name, file.type, file.data);
			return {
				_id: record._id,
				url: `/file-upload/${record._id}/${encodeURIComponent(record.name)}`,
			};
		},
		createUser(u) {
			const user = state.addUser({ ...u, email: u.email ?? `${u.username}@squadus.test` });
			for (const room of state.rooms.values())
				if (room.default && room.t !== 'd') state.subscribe(room._id, user._id);
			return { _id: user._id, username: user.username };
		},
		createPersonalAccessToken(userId) {
			return state.createPersonalAccessToken(userId);
		},
		endConference(number) {
			endConference(core, number);
		},
		createSamlCredential(userId) {
			if (!state.users.has(userId)) throw new Error(`Unknown user ${userId}`);
			return state.createSamlCredential(userId);
		},
		validation() {
			const { validated, rejected, forms } = core.validation;
			return { validated, rejected, forms: Object.fromEntries(forms) };
		},
		secrets() {
			const all = new Set<string>(DEMO_SECRETS);
			for (const u of core.fixtures.users) all.add(u.password);
			for (const token of state.personalAccessTokens.keys()) all.add(token);
			for (const token of state.sessions.keys()) all.add(token);
			for (const user of state.users.values()) if (user.totpSecret) all.add(user.totpSecret);
			for (const token of state.samlCredentials.keys()) all.add(token);
			for (const secret of core.oauth.secrets()) all.add(secret);
			for (const secret of core.userServiceSecrets()) all.add(secret);
			return [...all];
		},
		close() {
			recordValidation(sandbox);
			realtime.close();
			return server.close();
		},
	};
	server.control = createControl(sandbox, core);
	return sandbox;
}
