/**
 * Rocket.Chat's Realtime API (DDP over a WebSocket at /websocket), as far as triggers need it:
 * connect, ping/pong both ways, `login` with a `resume` token (a login session or a personal
 * access token), `stream-room-messages` for one room or `__my_messages__` (every room of the
 * user, including rooms joined later), and `stream-notify-user` (`<uid>/rooms-changed`,
 * `<uid>/subscriptions-changed`, `<uid>/notification`). Messages stored by any route (e.g.
 * chat.postMessage, dm.create + chat.sendMessage) or by the sandbox's own helpers are pushed to
 * the subscribers. Fault switches: drop every connection, stall connections (nothing is sent on
 * them any more, pings included), and restart the whole server (see server.ts).
 */
import type * as http from 'http';
import type { Duplex } from 'stream';
import { WebSocketServer, type WebSocket } from 'ws';

import type { SandboxCore } from './core';
import { presentMessage, presentRoom } from './present';
import type { MessageRecord } from './state';
import { randomId } from './util';

type Json = Record<string, unknown>;

interface Subscription {
	id: string;
	name: string;
	/** stream-room-messages: a room id or __my_messages__; stream-notify-user: `<uid>/<event>` */
	param: string;
}

interface Connection {
	socket: WebSocket;
	session: string;
	userId?: string;
	/** the login token, to end the connection when its session ends */
	token?: string;
	subs: Map<string, Subscription>;
	/** a stalled connection sends nothing any more (a half-open TCP connection) */
	stalled: boolean;
	pinger?: NodeJS.Timeout;
}

/** Rocket.Chat's answer to a resume with an unknown or expired token. */
const LOGGED_OUT = {
	isClientSafe: true,
	error: 403,
	reason: "You've been logged out by the server. Please log in again.",
	message: "You've been logged out by the server. Please log in again. [403]",
	errorType: 'Meteor.Error',
};

const DATE_FIELDS = ['ts', '_updatedAt', 'editedAt', 'pinnedAt', 'lm'];

/** The REST presenters' ISO dates as EJSON `{ $date }`, as DDP sends them. */
function ejson(value: Json): Json {
	const out: Json = { ...value };
	for (const field of DATE_FIELDS) {
		if (typeof out[field] === 'string') out[field] = { $date: Date.parse(out[field] as string) };
	}
	if (out.lastMessage && typeof out.lastMessage === 'object') out.lastMessage = ejson(out.lastMessage as Json);
	return out;
}

export interface RealtimeStats {
	/** open WebSocket connections */
	connections: number;
	/** every connection accepted since the start */
	accepted: number;
	/** logins with a resume token, and how many were refused */
	logins: number;
	refusedLogins: number;
}

export class RealtimeServer {
	private readonly wss = new WebSocketServer({ noServer: true });
	private readonly connections = new Set<Connection>();
	readonly stats: RealtimeStats = { connections: 0, accepted: 0, logins: 0, refusedLogins: 0 };

	constructor(
		private readonly core: SandboxCore,
		/** how often the server pings each connection (Meteor: every 15–35 s) */
		public pingIntervalMs: number,
	) {
		core.state.listeners.message.push((message) => this.onMessage(message));
		core.state.listeners.subscribed.push((rid, userId) => this.onSubscribed(rid, userId));
	}

	/** The HTTP server's `upgrade` event: /websocket only. */
	upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
		const path = (req.url ?? '/').split('?')[0];
		if (path !== '/websocket') {
			socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
			return;
		}
		this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
	}

	/** Closes every connection abruptly (no close frame), as a crashed server or proxy does. */
	dropConnections(): number {
		const count = this.connections.size;
		for (const connection of this.connections) connection.socket.terminate();
		return count;
	}

	/** From now on the open connections send nothing (no pings, no pongs, no messages). */
	stallConnections(): number {
		for (const connection of this.connections) connection.stalled = true;
		return this.connections.size;
	}

	/** Ends the connections whose login session is no longer valid (Meteor logs them out). */
	checkSessions(): void {
		for (const connection of this.connections) {
			if (!connection.token) continue;
			const session = this.core.state.sessions.get(connection.token);
			if (session && !this.core.sessionValid(session)) connection.socket.close(1000, 'logged out');
		}
	}

	close(): void {
		this.dropConnections();
	}

	private accept(socket: WebSocket): void {
		const connection: Connection = { socket, session: randomId(), subs: new Map(), stalled: false };
		this.connections.add(connection);
		this.stats.accepted++;
		this.stats.connections = this.connections.size;
		socket.on('message', (data) => this.receive(connection, String(data)));
		socket.on('error', () => socket.terminate());
		socket.on('close', () => {
			if (connection.pinger) clearInterval(connection.pinger);
			this.connections.delete(connection);
			this.stats.connections = this.connections.size;
		});
		this.send(connection, { server_id: '0' });
	}

	private send(connection: Connection, frame: Json): void {
		if (connection.stalled || connection.socket.readyState !== connection.socket.OPEN) return;
		connection.socket.send(JSON.stringify(frame));
	}

	private receive(connection: Connection, text: string): void {
		let frame: Json;
		try {
			frame = JSON.parse(text) as Json;
		} catch {
			this.send(connection, { msg: 'error', reason: 'Bad request', offendingMessage: text });
			return;
		}
		if (connection.stalled) return;
		switch (frame.msg) {
			case 'connect':
				this.send(connection, { msg: 'connected', session: connection.session });
				connection.pinger ??= setInterval(() => this.send(connection, { msg: 'ping' }), this.pingIntervalMs);
				break;
			case 'ping':
				this.send(connection, frame.id === undefined ? { msg: 'pong' } : { msg: 'pong', id: frame.id });
				break;
			case 'pong':
				break;
			case 'method':
				this.method(connection, frame);
				break;
			case 'sub':
				this.subscribe(connection, frame);
				break;
			case 'unsub':
				connection.subs.delete(String(frame.id));
				this.send(connection, { msg: 'nosub', id: frame.id });
				break;
			default:
				this.send(connection, { msg: 'error', reason: 'Bad request', offendingMessage: frame });
		}
	}

	private method(connection: Connection, frame: Json): void {
		const id = frame.id;
		const reply = (answer: Json) => {
			this.send(connection, { msg: 'result', id, ...answer });
			this.send(connection, { msg: 'updated', methods: [id] });
		};
		if (frame.method !== 'login') {
			reply({ error: { isClientSafe: true, error: 404, reason: `Method '${String(frame.method)}' not found`, errorType: 'Meteor.Error' } });
			return;
		}
		const params = ((frame.params as Json[] | undefined) ?? [])[0] ?? {};
		const token = typeof params.resume === 'string' ? params.resume : '';
		this.stats.logins++;
		const { state } = this.core;
		const session = state.sessions.get(token);
		const pat = state.personalAccessTokens.get(token);
		const userId =
			session && this.core.sessionValid(session) ? session.userId : pat ? pat.userId : undefined;
		const user = state.userById(userId);
		if (!user || !user.active) {
			this.stats.refusedLogins++;
			reply({ error: LOGGED_OUT });
			return;
		}
		connection.userId = user._id;
		connection.token = token;
		const expires = session ? session.createdAt + this.core.config.sessionTtlMs : Date.now() + 90 * 86_400_000;
		reply({ result: { id: user._id, token, tokenExpires: { $date: expires }, type: 'resume' } });
	}

	private subscribe(connection: Connection, frame: Json): void {
		const id = String(frame.id);
		const name = String(frame.name);
		const param = String(((frame.params as unknown[] | undefined) ?? [])[0] ?? '');
		const refuse = (reason: string, error: string | number = 'not-allowed') =>
			this.send(connection, {
				msg: 'nosub',
				id,
				error: { isClientSafe: true, error, reason, message: `${reason} [${error}]`, errorType: 'Meteor.Error' },
			});
		if (!connection.userId) return refuse('Not allowed', 'not-allowed');
		if (name === 'stream-room-messages') {
			if (param !== '__my_messages__' && !this.canRead(connection.userId, param)) {
				return refuse('Not allowed', 'not-allowed');
			}
		} else if (name === 'stream-notify-user') {
			if (param.split('/')[0] !== connection.userId) return refuse('Not allowed', 'not-allowed');
		} else {
			return refuse(`Subscription '${name}' not found`, 404);
		}
		connection.subs.set(id, { id, name, param });
		this.send(connection, { msg: 'ready', subs: [id] });
	}

	private canRead(userId: string, rid: string): boolean {
		const room = this.core.state.rooms.get(rid);
		if (!room) return false;
		return room.t === 'c' || !!this.core.state.subscriptions.get(rid)?.has(userId);
	}

	private event(connection: Connection, collection: string, eventName: string, args: unknown[]): void {
		this.send(connection, { msg: 'changed', collection, id: 'id', fields: { eventName, args } });
	}

	private onMessage(message: MessageRecord): void {
		if (!this.connections.size) return;
		const { state } = this.core;
		const members = state.subscriptions.get(message.rid);
		const room = state.rooms.get(message.rid);
		let payload: Json | undefined;
		for (const connection of this.connections) {
			const uid = connection.userId;
			if (!uid) continue;
			const member = !!members?.has(uid);
			for (const sub of connection.subs.values()) {
				if (sub.name === 'stream-room-messages') {
					if (sub.param === message.rid || (sub.param === '__my_messages__' && member)) {
						payload ??= ejson(presentMessage(state, message) as Json);
						this.event(connection, 'stream-room-messages', message.rid, [payload]);
					}
				} else if (sub.param === `${uid}/notification` && member && uid !== message.u._id && room) {
					const mentioned = message.mentions?.some((m) => m._id === uid);
					if (room.t !== 'd' && !mentioned) continue;
					this.event(connection, 'stream-notify-user', sub.param, [
						{
							title: room.t === 'd' ? message.u.username : `#${room.name}`,
							text: message.msg,
							payload: {
								_id: message._id,
								rid: message.rid,
								sender: { ...message.u },
								type: room.t,
								message: { msg: message.msg },
							},
						},
					]);
				}
			}
		}
	}

	private onSubscribed(rid: string, userId: string): void {
		if (!this.connections.size) return;
		const { state } = this.core;
		const room = state.rooms.get(rid);
		const sub = state.subscriptions.get(rid)?.get(userId);
		if (!room) return;
		for (const connection of this.connections) {
			if (connection.userId !== userId) continue;
			for (const s of connection.subs.values()) {
				if (s.param === `${userId}/rooms-changed`) {
					this.event(connection, 'stream-notify-user', s.param, ['inserted', ejson(presentRoom(state, room) as Json)]);
				} else if (s.param === `${userId}/subscriptions-changed` && sub) {
					this.event(connection, 'stream-notify-user', s.param, [
						'inserted',
						{ _id: sub._id, rid, t: room.t, name: room.name ?? '', u: sub.u, open: sub.open, ts: { $date: sub.ts } },
					]);
				}
			}
		}
	}
}
