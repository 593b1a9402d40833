/**
 * The HTTP layer: body parsing, routing, authentication, rate limiting, fault injection and the
 * request log. It never lets an exception escape: anything unexpected becomes a JSON 500 and is
 * recorded in state.internalErrors.
 */
import { readFileSync } from 'fs';
import * as http from 'http';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as path from 'path';

import type { ApiContext, RequestInfo, Route, SandboxCore } from './core';
import { Reply } from './core';
import { ApiError, notLoggedIn } from './errors';
import { FaultInjector } from './faults';
import { serveFile } from './files';
import { MultipartError, parseMultipart, type MultipartFile } from './multipart';
import { RateLimiter, tooManyRequests } from './rateLimit';
import { formOf, parseQueryParams, ROCKET_CHAT_CHECKS } from './rocketchat/validators';
import { resolveAuth } from './routes/auth';
import { authRoutes } from './routes/auth';
import { autoupdateRoutes } from './routes/autoupdate';
import { changelogRoutes } from './routes/changelog';
import { channelRoutes } from './routes/channels';
import { chatRoutes } from './routes/chat';
import { conferenceRoutes } from './routes/conference';
import { dmRoutes } from './routes/dm';
import { roomRoutes } from './routes/rooms';
import { userRoutes } from './routes/users';
import type { FaultSpec, LoggedRequest } from './types';
import type { UserRecord } from './state';

export const TLS_DIR = path.resolve(__dirname, '..', 'fixtures', 'tls');
const API_PREFIX = '/api/v1/';
const MAX_LOGGED_BODY_CHARS = 64 * 1024;
const MAX_LOG_ENTRIES = 200_000;
/** past maxBodyBytes the rest of the body is drained (so the client reads the 413) up to this */
const MAX_DRAIN_BYTES = 256 * 1024 * 1024;

export const ALL_ROUTES: Route[] = [
	...authRoutes,
	...autoupdateRoutes,
	...userRoutes,
	...chatRoutes,
	...channelRoutes,
	...dmRoutes,
	...roomRoutes,
	...changelogRoutes,
	...conferenceRoutes,
];

interface ParsedBody {
	body: unknown;
	files: MultipartFile[];
	logBody: unknown;
	error?: ApiError;
}

type ControlHandler = (req: RequestInfo) => Reply | Promise<Reply>;

function jsonError(status: number, error: string, errorType?: string): Reply {
	return new Reply(status, { success: false, error, ...(errorType ? { errorType } : {}) });
}

function flattenHeaders(req: http.IncomingMessage): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(req.headers)) {
		if (value === undefined) continue;
		out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

function readBody(
	req: http.IncomingMessage,
	limit: number,
): Promise<{ data: Buffer; tooLarge: boolean }> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		let done = false;
		const finish = (): void => {
			if (done) return;
			done = true;
			resolve({ data: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge });
		};
		const declared = Number(req.headers['content-length']);
		if (Number.isFinite(declared) && declared > limit) tooLarge = true;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) tooLarge = true;
			if (!tooLarge) chunks.push(chunk);
			else chunks.length = 0;
			if (size > MAX_DRAIN_BYTES) {
				req.socket.destroy();
				finish();
			}
		});
		req.on('end', finish);
		req.on('error', finish);
		req.on('aborted', finish);
		req.on('close', finish);
	});
}

function parseBody(data: Buffer, contentType: string): ParsedBody {
	if (data.length === 0) return { body: undefined, files: [], logBody: undefined };
	const text = (): string => data.toString('utf8');
	const clip = (s: string): string =>
		s.length > MAX_LOGGED_BODY_CHARS ? `${s.slice(0, MAX_LOGGED_BODY_CHARS)}…` : s;
	const type = contentType.toLowerCase();
	if (/^application\/([\w.+-]+\+)?json\b/.test(type) || type === '') {
		const raw = text();
		if (type === '' && !/^\s*[[{"]/.test(raw))
			return { body: undefined, files: [], logBody: clip(raw) };
		try {
			const body: unknown = JSON.parse(raw);
			return { body, files: [], logBody: body };
		} catch (e) {
			const reason = e instanceof Error ? e.message : 'Unexpected token';
			return {
				body: undefined,
				files: [],
				logBody: clip(raw),
				error: new ApiError(400, {
					success: false,
					error: `Invalid JSON in request body: ${reason} [error-invalid-json]`,
					errorType: 'error-invalid-json',
				}),
			};
		}
	}
	if (type.startsWith('application/x-www-form-urlencoded')) {
		const body: Record<string, string> = {};
		for (const [k, v] of new URLSearchParams(text())) if (!(k in body)) body[k] = v;
		return { body, files: [], logBody: body };
	}
	if (type.startsWith('multipart/form-data')) {
		try {
			const parsed = parseMultipart(data, contentType);
			return {
				body: parsed.fields,
				files: parsed.files,
				logBody: {
					fields: parsed.fields,
					files: parsed.files.map((f) => ({
						field: f.field,
						filename: f.filename,
						mimeType: f.mimeType,
						size: f.data.length,
					})),
				},
			};
		} catch (e) {
			const reason = e instanceof MultipartError ? e.message : 'Malformed multipart body';
			return {
				body: undefined,
				files: [],
				logBody: clip(data.toString('latin1')),
				error: new ApiError(400, {
					success: false,
					error: `${reason} [invalid-params]`,
					errorType: 'invalid-params',
				}),
			};
		}
	}
	// other content types are not parsed by the server (as with Rocket.Chat's body parsers)
	return { body: undefined, files: [], logBody: clip(text()) };
}

export class SandboxHttpServer {
	readonly faults = new FaultInjector();
	readonly limiter = new RateLimiter();
	log: LoggedRequest[] = [];
	control: ControlHandler = () => jsonError(404, 'No sandbox controls');
	private readonly routes = new Map<string, Route>();
	private readonly methodsByPath = new Map<string, string[]>();
	private server?: http.Server;
	/** the Realtime API (DDP) on /websocket, when set */
	upgrade?: (req: http.IncomingMessage, socket: import('stream').Duplex, head: Buffer) => void;
	private listening?: { port: number; host: string; useHttps: boolean };

	constructor(readonly core: SandboxCore) {
		for (const route of ALL_ROUTES) {
			this.routes.set(`${route.method} ${route.path}`, route);
			this.methodsByPath.set(route.path, [
				...(this.methodsByPath.get(route.path) ?? []),
				route.method,
			]);
		}
	}

	listen(port: number, host: string, useHttps: boolean): Promise<number> {
		const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
			this.process(req, res).catch((err: unknown) => {
				this.core.state.recordInternalError(req.method ?? '?', req.url ?? '?', err);
				if (!res.headersSent && !res.destroyed) {
					this.send(
						res,
						jsonError(500, 'Internal server error [error-internal]', 'error-internal'),
						req.method ?? 'GET',
					);
				} else if (!res.destroyed) res.destroy();
			});
		};
		const server = useHttps
			? https.createServer(
					{
						key: readFileSync(path.join(TLS_DIR, 'key.pem')),
						cert: readFileSync(path.join(TLS_DIR, 'cert.pem')),
					},
					handler,
				)
			: http.createServer(handler);
		server.keepAliveTimeout = 5000;
		server.requestTimeout = 0;
		server.on('clientError', (_err, socket) => {
			if (socket.writable && !socket.destroyed) {
				const body = '{"success":false,"error":"Bad Request"}';
				socket.end(
					`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
				);
			} else socket.destroy();
		});
		server.on('upgrade', (req, socket, head) => {
			if (this.upgrade) this.upgrade(req, socket, head);
			else socket.destroy();
		});
		this.server = server;
		return new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, host, () => {
				server.off('error', reject);
				const bound = (server.address() as AddressInfo).port;
				this.listening = { port: bound, host, useHttps };
				resolve(bound);
			});
		});
	}

	/**
	 * Stops listening and closes every connection (HTTP and WebSocket), then listens again on
	 * the same port after `downMs`: the state (users, sessions, messages) survives, as a real
	 * server's database does.
	 */
	async restart(downMs: number, whileDown?: () => void): Promise<void> {
		const listening = this.listening;
		if (!listening) throw new Error('The sandbox is not listening');
		await this.close();
		whileDown?.();
		await new Promise((resolve) => setTimeout(resolve, downMs));
		await this.listen(listening.port, listening.host, listening.useHttps);
	}

	close(): Promise<void> {
		const server = this.server;
		if (!server) return Promise.resolve();
		return new Promise((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	}

	private send(res: http.ServerResponse, reply: Reply, method: string): void {
		if (res.destroyed) return;
		let payload: Buffer;
		const headers: Record<string, string> = { ...reply.headers };
		if (reply.raw) {
			payload = Buffer.isBuffer(reply.body)
				? reply.body
				: Buffer.from(String(reply.body ?? ''), 'utf8');
		} else {
			payload = Buffer.from(JSON.stringify(reply.body ?? {}), 'utf8');
			headers['Content-Type'] = 'application/json';
			headers['Cache-Control'] ??= 'no-store';
			headers.Pragma ??= 'no-cache';
		}
		headers['Content-Length'] = String(payload.length);
		res.writeHead(reply.status, headers);
		res.end(method === 'HEAD' ? undefined : payload);
	}

	private async process(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const time = Date.now();
		const method = (req.method ?? 'GET').toUpperCase();
		let url: URL;
		try {
			url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		} catch {
			req.resume();
			this.send(res, jsonError(400, 'Malformed request URL'), method);
			return;
		}
		const pathname = url.pathname;
		const query: Record<string, string> = {};
		for (const [k, v] of url.searchParams) if (!(k in query)) query[k] = v;
		const queryParams = parseQueryParams(url.searchParams);
		const headers = flattenHeaders(req);
		const info: RequestInfo = {
			method,
			path: pathname,
			query,
			queryParams,
			headers,
			body: undefined,
			files: [],
			ip: req.socket.remoteAddress ?? 'unknown',
			userAgent: headers['user-agent'] ?? '',
		};

		const isControl = pathname === '/_sandbox' || pathname.startsWith('/_sandbox/');
		let entry: LoggedRequest | undefined;
		if (!isControl && this.core.config.logRequests) {
			entry = {
				method,
				path: pathname,
				query,
				queryParams,
				body: undefined,
				headers,
				status: 0,
				time,
			};
			this.log.push(entry);
			if (this.log.length > MAX_LOG_ENTRIES) this.log = this.log.slice(-MAX_LOG_ENTRIES / 2);
		}

		const { data, tooLarge } = await readBody(req, this.core.config.maxBodyBytes);
		if (tooLarge) {
			if (entry) {
				entry.body = '[body too large]';
				entry.status = 413;
			}
			const reply = new Reply(
				413,
				{
					success: false,
					error: `Request entity too large: the limit is ${this.core.config.maxBodyBytes} bytes [error-payload-too-large]`,
					errorType: 'error-payload-too-large',
				},
				{ Connection: 'close' },
			);
			this.send(res, reply, method);
			return;
		}
		const parsed = parseBody(data, headers['content-type'] ?? '');
		info.body = parsed.body;
		info.files = parsed.files;
		if (entry) entry.body = parsed.logBody;

		if (isControl) {
			const reply = parsed.error
				? new Reply(parsed.error.status, parsed.error.body)
				: await this.control(info);
			this.send(res, reply, method);
			return;
		}

		const fault = this.faults.take(method, pathname);
		let dropAfter = false;
		if (fault) {
			if (entry) entry.fault = fault.mode;
			const early = await this.applyFault(fault, req, res, method);
			if (early !== undefined) {
				if (entry) entry.status = early;
				return;
			}
			dropAfter = fault.mode === 'dropAfter';
		}

		let userId: string | undefined;
		let reply: Reply;
		if (parsed.error) reply = new Reply(parsed.error.status, parsed.error.body);
		else {
			const result = this.dispatch(info);
			reply = result.reply;
			userId = result.userId;
		}
		if (entry) {
			entry.userId = userId;
			entry.status = dropAfter ? 0 : reply.status;
		}
		if (dropAfter) {
			req.socket.destroy();
			return;
		}
		this.send(res, reply, method);
	}

	/** Returns the status logged when the fault answered (or dropped) the request itself. */
	private async applyFault(
		fault: FaultSpec,
		req: http.IncomingMessage,
		res: http.ServerResponse,
		method: string,
	): Promise<number | undefined> {
		switch (fault.mode) {
			case 'drop':
				req.socket.destroy();
				return 0;
			case '500':
				this.send(
					res,
					jsonError(500, 'Internal server error [error-internal]', 'error-internal'),
					method,
				);
				return 500;
			case '429': {
				const resetMs = fault.resetMs ?? 1000;
				const limit = this.core.config.rateLimit ? this.core.config.rateLimit.limit : 10;
				const headers = {
					'X-RateLimit-Limit': String(limit),
					'X-RateLimit-Remaining': '0',
					'X-RateLimit-Reset': String(Date.now() + resetMs),
				};
				const err = tooManyRequests(resetMs, headers);
				this.send(res, new Reply(429, err.body, headers), method);
				return 429;
			}
			case 'malformed':
				this.send(
					res,
					new Reply(
						200,
						'{"success":true,"message":{"_id":"',
						{ 'Content-Type': 'application/json' },
						true,
					),
					method,
				);
				return 200;
			case 'slow':
				// Ends early when the client hangs up (a timeout): no timer outlives its request.
				await sleepUnlessClosed(fault.delayMs ?? 1000, res);
				return undefined;
			case 'dropAfter':
				return undefined;
		}
	}

	/** Rocket.Chat's own checks of the route (rocketchat/validators.ts), counted. */
	private validate(route: Route, info: RequestInfo): void {
		const key = `${route.method} ${route.path}`;
		const checks = ROCKET_CHAT_CHECKS[key];
		if (!checks) return;
		const { validation, config } = this.core;
		const req = {
			method: info.method === 'HEAD' ? 'GET' : info.method,
			queryParams: info.queryParams,
			body: info.body,
			dialect: config.dialect,
		};
		const form = formOf(key, req);
		validation.validated++;
		validation.forms.set(form, (validation.forms.get(form) ?? 0) + 1);
		try {
			for (const check of checks) check(req);
		} catch (e) {
			validation.rejected++;
			throw e;
		}
	}

	private dispatch(info: RequestInfo): { reply: Reply; userId?: string } {
		const { core } = this;
		let userId: string | undefined;
		let rateHeaders: Record<string, string> = {};
		try {
			let reply: Reply;
			if (info.path.startsWith(API_PREFIX)) {
				const sub = info.path.slice(API_PREFIX.length);
				const route = this.routes.get(`${info.method === 'HEAD' ? 'GET' : info.method} ${sub}`);
				if (!route) {
					const methods = this.methodsByPath.get(sub);
					if (methods) {
						return {
							reply: new Reply(
								405,
								{
									success: false,
									error: `Method ${info.method} is not allowed for ${info.path} [error-method-not-allowed]`,
									errorType: 'error-method-not-allowed',
								},
								{ Allow: methods.join(', ') },
							),
						};
					}
					return {
						reply: jsonError(
							404,
							`API endpoint "${info.path}" does not exist! [error-not-found]`,
							'error-not-found',
						),
					};
				}
				const auth = resolveAuth(core, info.headers);
				if (route.auth !== false && !auth) throw notLoggedIn();
				userId = auth?.user._id;
				const limit = core.config.rateLimit;
				if (limit && !(auth && (core.state.isAdmin(auth.user) || core.state.isBot(auth.user)))) {
					try {
						rateHeaders = this.limiter.hit(
							limit,
							`${route.method} ${route.path}`,
							auth?.user._id ?? info.ip,
						);
					} catch (e) {
						if (e instanceof ApiError) rateHeaders = e.headers;
						throw e;
					}
				}
				this.validate(route, info);
				const ctx: ApiContext = {
					...info,
					core,
					user: auth?.user as UserRecord,
					session: auth?.session,
					authToken: auth?.token,
				};
				const result = route.handler(ctx);
				reply = result instanceof Reply ? result : new Reply(200, result);
			} else if (info.path === '/api/info' && (info.method === 'GET' || info.method === 'HEAD')) {
				reply = new Reply(200, {
					version: '6.9.0',
					info: { version: '6.9.0', product: 'Squadus 1.7 (sandbox)' },
					success: true,
				});
			} else if (info.path.startsWith('/oauth/')) {
				reply = core.oauth.handle(info);
			} else if (info.path.startsWith('/file-upload/')) {
				reply = serveFile(core, info);
			} else {
				reply = jsonError(
					404,
					`No route for ${info.method} ${info.path} [error-not-found]`,
					'error-not-found',
				);
			}
			return {
				reply: new Reply(reply.status, reply.body, { ...rateHeaders, ...reply.headers }, reply.raw),
				userId,
			};
		} catch (err) {
			if (err instanceof ApiError)
				return {
					reply: new Reply(err.status, err.body, { ...rateHeaders, ...err.headers }),
					userId,
				};
			if (err instanceof Reply)
				return {
					reply: new Reply(err.status, err.body, { ...rateHeaders, ...err.headers }, err.raw),
					userId,
				};
			core.state.recordInternalError(info.method, info.path, err);
			return {
				reply: jsonError(500, 'Internal server error [error-internal]', 'error-internal'),
				userId,
			};
		}
	}
}

/** Waits ms, or less when the response's connection closes first. */
function sleepUnlessClosed(ms: number, res: http.ServerResponse): Promise<void> {
	if (res.destroyed) return Promise.resolve();
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			res.off('close', done);
			resolve();
		};
		const timer = setTimeout(done, ms);
		res.once('close', done);
	});
}
