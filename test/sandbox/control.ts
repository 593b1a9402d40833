/**
 * The sandbox's own controls over HTTP, under /_sandbox (outside /api): for the end-to-end tests
 * that drive a real n8n, and for humans using the CLI.
 */
import type { RequestInfo, SandboxCore } from './core';
import { Reply } from './core';
import { FaultError } from './faults';
import { presentFile, presentMessage, presentRoom, userFull } from './present';
import { presentConferenceState } from './routes/conference';
import { DIALECTS, type Dialect } from './rocketchat/validators';
import type { RateLimitConfig, Sandbox, SandboxOptions } from './types';
import { generateTotp } from './totp';
import { isPlainObject, iso } from './util';

function bad(message: string): Reply {
	return new Reply(400, { success: false, error: message });
}

type ConfigPatch = Partial<
	Pick<
		SandboxOptions,
		'sessionTtlMs' | 'rateLimit' | 'oauthTokenTtlSec' | 'logRequests' | 'maxCount' | 'userServices' | 'dialect'
	>
>;

/** Validates a configure() patch; throws FaultError-like messages as Error. */
export function checkConfigPatch(input: unknown): ConfigPatch {
	if (!isPlainObject(input)) throw new Error('config must be an object');
	const out: ConfigPatch = {};
	for (const [key, value] of Object.entries(input)) {
		switch (key) {
			case 'sessionTtlMs':
			case 'oauthTokenTtlSec':
				if (typeof value !== 'number' || !Number.isFinite(value))
					throw new Error(`${key} must be a number`);
				out[key] = value;
				break;
			case 'logRequests':
			case 'userServices':
				if (typeof value !== 'boolean') throw new Error(`${key} must be a boolean`);
				out[key] = value;
				break;
			case 'maxCount':
				if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
					throw new Error('maxCount must be a positive integer');
				out.maxCount = value;
				break;
			case 'dialect':
				if (!DIALECTS.includes(value as Dialect))
					throw new Error(`dialect must be one of ${DIALECTS.join(', ')}`);
				out.dialect = value as Dialect;
				break;
			case 'rateLimit':
				if (value === false || value === null) out.rateLimit = false;
				else if (
					isPlainObject(value) &&
					typeof value.limit === 'number' &&
					value.limit >= 0 &&
					typeof value.windowMs === 'number' &&
					value.windowMs > 0
				) {
					out.rateLimit = { limit: value.limit, windowMs: value.windowMs } as RateLimitConfig;
				} else
					throw new Error('rateLimit must be false or { limit: number, windowMs: number > 0 }');
				break;
			default:
				throw new Error(`Unknown config key ${key}`);
		}
	}
	return out;
}

function stateSummary(core: SandboxCore, query: Record<string, string>): Record<string, unknown> {
	const { state } = core;
	const limit =
		query.messages === 'all' ? Infinity : Math.max(0, Number(query.messages ?? 1000) || 1000);
	const allMessages = [...state.roomMessages.values()].flat().sort((a, b) => a.ts - b.ts);
	const messages = (limit === Infinity ? allMessages : allMessages.slice(-limit)).map((m) =>
		presentMessage(state, m),
	);
	return {
		success: true,
		counts: {
			users: state.users.size,
			sessions: [...state.sessions.values()].filter((s) => core.sessionValid(s)).length,
			personalAccessTokens: state.personalAccessTokens.size,
			rooms: state.rooms.size,
			messages: state.messages.size,
			files: state.files.size,
			conferences: state.conferences.size,
			changelog: state.changelog.length,
			reports: state.reports.length,
			calls: state.calls.length,
			invitations: state.invitations.length,
			internalErrors: state.internalErrors.length,
		},
		users: [...state.users.values()].map((u) => ({ ...userFull(u), hasTotp: !!u.totpSecret })),
		rooms: [...state.rooms.values()].map((r) => ({
			...presentRoom(state, r),
			members: state
				.members(r._id)
				.map((s) => ({ _id: s.u._id, username: s.u.username, roles: s.roles, open: s.open })),
		})),
		messages,
		files: [...state.files.values()].map((f) => ({ ...presentFile(state, f), hidden: f.hidden })),
		conferences: [...state.conferences.values()].map((c) => presentConferenceState(core, c)),
		calls: state.calls.map((c) => ({
			...c,
			createdAt: iso(c.createdAt),
			updatedAt: iso(c.updatedAt),
		})),
		invitations: state.invitations.map((i) => ({ ...i, createdAt: iso(i.createdAt) })),
		reports: state.reports.map((r) => ({ ...r, ts: iso(r.ts) })),
		changelog: state.changelog.map((c) => ({ ...c, date: iso(c.date) })),
		autoupdate: state.autoupdate.current
			? {
					filename: state.autoupdate.current.filename,
					mimeType: state.autoupdate.current.mimeType,
					size: state.autoupdate.current.size,
					settings: state.autoupdate.current.settings,
					uploadedBy: state.autoupdate.current.uploadedBy,
					uploadedAt: iso(state.autoupdate.current.uploadedAt),
				}
			: null,
		internalErrors: state.internalErrors.map((e) => ({
			time: iso(e.time),
			method: e.method,
			path: e.path,
			message: e.message,
		})),
	};
}

export function createControl(sandbox: Sandbox, core: SandboxCore): (req: RequestInfo) => Reply {
	return (req) => {
		const route = `${req.method} ${req.path.replace(/\/+$/, '')}`;
		const body = req.body;
		try {
			switch (route) {
				case 'GET /_sandbox/requests':
					return new Reply(
						200,
						sandbox.requests({ path: req.query.path, method: req.query.method }),
					);
				case 'DELETE /_sandbox/requests':
					sandbox.clearRequests();
					return new Reply(200, { success: true });
				case 'POST /_sandbox/faults':
					sandbox.fault(body as never);
					return new Reply(200, { success: true });
				case 'DELETE /_sandbox/faults':
					sandbox.clearFaults();
					return new Reply(200, { success: true });
				case 'POST /_sandbox/config':
					sandbox.configure(checkConfigPatch(body));
					return new Reply(200, { success: true, config: { ...core.config } });
				case 'GET /_sandbox/config':
					return new Reply(200, { success: true, config: { ...core.config } });
				case 'POST /_sandbox/expire-sessions':
					sandbox.expireSessions();
					return new Reply(200, { success: true });
				case 'GET /_sandbox/validation':
					return new Reply(200, { success: true, ...sandbox.validation() });
				case 'GET /_sandbox/fixtures':
					return new Reply(200, sandbox.fixtures);
				case 'GET /_sandbox/state':
					return new Reply(200, stateSummary(core, req.query));
				case 'POST /_sandbox/conferences/end': {
					const number = isPlainObject(body) ? body.conferenceNumber : undefined;
					if (typeof number !== 'string') return bad('conferenceNumber must be a string');
					sandbox.endConference(number);
					return new Reply(200, { success: true });
				}
				case 'POST /_sandbox/messages': {
					if (
						!isPlainObject(body) ||
						typeof body.roomId !== 'string' ||
						typeof body.count !== 'number'
					) {
						return bad(
							'expected { roomId: string, count: number, text?: string, userId?: string }',
						);
					}
					const prefix = typeof body.text === 'string' ? body.text : 'Message';
					const ids = sandbox.addMessages(body.roomId, body.count, {
						text: (i) => `${prefix} ${i + 1}`,
						userId: typeof body.userId === 'string' ? body.userId : undefined,
					});
					return new Reply(200, {
						success: true,
						count: ids.length,
						first: ids[0],
						last: ids[ids.length - 1],
					});
				}
				case 'GET /_sandbox/realtime':
					return new Reply(200, { success: true, ...sandbox.realtime.stats() });
				case 'POST /_sandbox/realtime/drop':
					return new Reply(200, { success: true, dropped: sandbox.realtime.dropConnections() });
				case 'POST /_sandbox/realtime/stall':
					return new Reply(200, { success: true, stalled: sandbox.realtime.stallConnections() });
				case 'POST /_sandbox/realtime/restart': {
					const downMs = isPlainObject(body) && typeof body.downMs === 'number' ? body.downMs : 0;
					// answered first: the restart closes this very connection
					setTimeout(() => void sandbox.realtime.restart(downMs), 50);
					return new Reply(200, { success: true });
				}
				case 'GET /_sandbox/totp': {
					const user = req.query.username
						? core.state.userByUsername(req.query.username)
						: undefined;
					const secret = req.query.secret ?? user?.totpSecret;
					if (!secret) return bad('give ?username= of a 2FA user or ?secret=');
					const now = Date.now();
					return new Reply(200, {
						success: true,
						code: generateTotp(secret, now),
						validForSec: 30 - (Math.floor(now / 1000) % 30),
					});
				}
				default:
					return new Reply(404, {
						success: false,
						error: `No sandbox control at ${req.method} ${req.path}`,
					});
			}
		} catch (e) {
			if (e instanceof FaultError || e instanceof Error) return bad(e.message);
			return bad(String(e));
		}
	};
}
