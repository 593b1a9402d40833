import {
	NodeApiError,
	NodeOperationError,
	type INode,
	type IDataObject,
	type INodeParameterResourceLocator,
	type ITriggerFunctions,
} from 'n8n-workflow';

import {
	getServerUrl,
	realtimeResumeLogin,
	squadusApiRequest,
	type ResumeLogin,
} from '../shared/transport';
import { messageFeed } from '../SquadusTrigger/events/messages';
import {
	advance,
	LATE_ARRIVAL_MS,
	readNewer,
	toMillis,
	type Position,
} from '../SquadusTrigger/feed';
import type { RealtimeEvent } from './description';
import {
	DdpClient,
	DdpError,
	realtimeTimings,
	sleepUnless,
	webSocketImplementation,
	type RealtimeSocketConstructor,
} from './socket';

/** What the user asked for, read once when the trigger starts. */
export interface WatchSettings {
	event: RealtimeEvent;
	/** the channel (id or name) for "New Message" in one channel */
	channel?: { roomId?: string; roomName?: string };
	ignoreOwn: boolean;
	ignoreBots: boolean;
	ignoreSystem: boolean;
	textContains: string;
	textRegex?: RegExp;
}

interface RoomInfo {
	name: string;
	type: string;
}

/** Rocket.Chat answers a resume with an unknown or expired token with 403. */
const isLoggedOut = (error: unknown) =>
	error instanceof DdpError && (error.error === 403 || error.error === '403');

const DATE_FIELDS = ['ts', '_updatedAt', 'editedAt', 'pinnedAt'];
const timeOf = (message: IDataObject) => toMillis(message.ts);
const idOf = (message: IDataObject) => String(message._id);

/** An n8n error for anything the connection threw (n8n errors pass through unchanged). */
function realtimeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const reason = (error as Error).message;
	if (error instanceof DdpError) {
		return new NodeOperationError(node, `Squadus Realtime API: ${reason}`, {
			description: 'Squadus refused a request of the Realtime API (/websocket).',
		});
	}
	return new NodeOperationError(node, `Could not connect to the Squadus Realtime API: ${reason}`, {
		description:
			'Check the Server Address in the credential, and that a proxy in front of Squadus forwards WebSocket connections at /websocket. A server with a self-signed certificate needs NODE_EXTRA_CA_CERTS (Ignore SSL Issues does not apply to WebSockets).',
	});
}

/** A stream message as the REST nodes output it: EJSON dates as ISO strings. */
function restShape(raw: IDataObject): IDataObject {
	const message: IDataObject = { ...raw };
	for (const field of DATE_FIELDS) {
		const ms = message[field] === undefined ? undefined : toMillis(message[field]);
		if (ms !== undefined) message[field] = new Date(ms).toISOString();
	}
	return message;
}

export function readSettings(this: ITriggerFunctions): WatchSettings {
	const event = this.getNodeParameter('event', 'message') as RealtimeEvent;
	const option = <T>(name: string, fallback: T) =>
		this.getNodeParameter(`options.${name}`, fallback) as T;
	const settings: WatchSettings = {
		event,
		ignoreOwn: option('ignoreOwn', true),
		ignoreBots: option('ignoreBots', true),
		ignoreSystem: option('ignoreSystem', true),
		textContains: option('textContains', '').toLowerCase(),
	};
	const regex = option('textRegex', '');
	if (regex) {
		try {
			settings.textRegex = new RegExp(regex, 'i');
		} catch (error) {
			throw new NodeOperationError(
				this.getNode(),
				'The option "Text Matches (Regex)" is not a valid regular expression',
				{
					description: `${(error as Error).message}. Fix the expression, e.g. ^(help|status)\\b`,
				},
			);
		}
	}
	if (event === 'message' && this.getNodeParameter('messagesIn', 'all') === 'channel') {
		const locator = this.getNodeParameter('channel') as INodeParameterResourceLocator;
		const value = String(locator.value ?? '').trim();
		if (!value) {
			throw new NodeOperationError(this.getNode(), 'The parameter "Channel" is empty', {
				description: 'Pick the channel to watch from the list, or enter its ID or name',
			});
		}
		settings.channel =
			locator.mode === 'name' ? { roomName: value.replace(/^#/, '') } : { roomId: value };
	}
	return settings;
}

/** The global WebSocket, or an error that says what to do instead. */
export function requireWebSocket(this: ITriggerFunctions): RealtimeSocketConstructor {
	const Impl = webSocketImplementation();
	if (!Impl) {
		throw new NodeOperationError(
			this.getNode(),
			'Squadus Realtime Trigger needs Node.js 22 or later',
			{
				description:
					'This n8n runs on a Node.js without a built-in WebSocket. Run n8n on Node.js 22 or later (n8n 2.x needs Node.js 24), or use the Squadus Trigger node, which polls for new messages instead.',
			},
		);
	}
	return Impl;
}

/**
 * Keeps one Realtime API connection for an active trigger: logs in with the credential's
 * session, subscribes, emits each new message once, reconnects with backoff and jitter after
 * any loss, and catches up through the REST API from the last message seen (kept in the
 * workflow's static data, so it also covers a restart of n8n).
 */
export class RealtimeWatch {
	private client?: DdpClient;
	private login?: ResumeLogin;
	private stopped = false;
	private readonly rooms = new Map<string, RoomInfo>();
	private channelId?: string;
	/** messages are handled one after the other, in arrival order */
	private queue: Promise<void> = Promise.resolve();
	private position: Position;
	private readonly manual: boolean;
	private emittedInManual = false;
	private supervisor?: Promise<void>;

	constructor(
		private readonly ctx: ITriggerFunctions,
		private readonly Impl: RealtimeSocketConstructor,
		private readonly settings: WatchSettings,
		private readonly emitItem: (item: IDataObject) => void,
	) {
		this.manual = ctx.getMode() === 'manual';
		const key = `${settings.event}:${settings.channel?.roomId ?? settings.channel?.roomName ?? 'all'}`;
		const saved = this.manual
			? undefined
			: (this.staticData().position as unknown as Position | undefined);
		const now = Date.now();
		this.position = saved?.key === key ? saved : { key, ts: now, from: now, seen: {} };
		this.savePosition();
	}

	/** Connects the first time: any error here is reported to the user as is. */
	async start(): Promise<void> {
		await this.connect();
		this.supervisor = this.supervise();
	}

	async stop(): Promise<void> {
		this.stopped = true;
		this.client?.close();
		await this.supervisor;
		await this.queue;
	}

	private staticData(): IDataObject {
		return this.ctx.getWorkflowStaticData('node');
	}

	private savePosition(): void {
		if (!this.manual) this.staticData().position = this.position as unknown as IDataObject;
	}

	/** Reconnects whenever the connection ends, until the trigger is closed. */
	private async supervise(): Promise<void> {
		let failures = 0;
		while (!this.stopped) {
			await this.untilClosed();
			if (this.stopped) return;
			const base = Math.min(
				realtimeTimings.backoffMaxMs,
				realtimeTimings.backoffFirstMs * 2 ** Math.min(failures, 16),
			);
			// jitter: 50–100 % of the backoff, so many workflows do not reconnect at once
			await sleepUnless(base / 2 + Math.random() * (base / 2), () => this.stopped);
			if (this.stopped) return;
			try {
				await this.connect();
				failures = 0;
			} catch (error) {
				failures++;
				this.ctx.logger.warn(
					`Squadus Realtime Trigger: reconnecting failed: ${(error as Error).message}`,
				);
			}
		}
	}

	private async untilClosed(): Promise<void> {
		while (!this.stopped && this.client && !this.client.closed) {
			await sleepUnless(realtimeTimings.tickMs, () => this.stopped || !!this.client?.closed);
		}
	}

	private async connect(): Promise<void> {
		const server = await getServerUrl.call(this.ctx);
		const url = `${server.replace(/^http/i, 'ws')}/websocket`;
		this.login ??= await realtimeResumeLogin.call(this.ctx);
		const client = new DdpClient(this.Impl, url, {
			onChanged: (collection, eventName, args) => this.onChanged(collection, eventName, args),
			onClosed: (reason) => {
				if (!this.stopped) this.ctx.logger.info(`Squadus Realtime Trigger: ${reason}`);
			},
		});
		this.client = client;
		// The catch-up goes first in the queue, before any message the new subscriptions deliver,
		// and starts once they are active, so nothing falls between the two.
		let subscribed!: (ok: boolean) => void;
		const gate = new Promise<boolean>((resolve) => (subscribed = resolve));
		this.enqueue(async () => {
			if ((await gate) && !this.manual) await this.catchUp();
		});
		try {
			await client.open();
			await this.logIn(client);
			await this.subscribe(client);
			subscribed(true);
		} catch (error) {
			subscribed(false);
			client.close();
			throw realtimeError(this.ctx.getNode(), error);
		}
	}

	/** `login` with `resume`; a refused session is renewed through the REST transport once. */
	private async logIn(client: DdpClient): Promise<void> {
		const login = this.login as ResumeLogin;
		try {
			await client.call('login', [{ resume: login.token }]);
			return;
		} catch (error) {
			if (!isLoggedOut(error)) throw realtimeError(this.ctx.getNode(), error);
		}
		const renewed = await realtimeResumeLogin.call(this.ctx);
		this.login = renewed;
		try {
			await client.call('login', [{ resume: renewed.token }]);
		} catch (error) {
			if (!isLoggedOut(error)) throw realtimeError(this.ctx.getNode(), error);
			throw new NodeOperationError(
				this.ctx.getNode(),
				'Squadus refused the credential on the Realtime API',
				{
					description:
						'The REST API accepts the credential but the Realtime API (/websocket) does not. Check that a proxy in front of Squadus forwards WebSocket connections to /websocket.',
				},
			);
		}
	}

	private async subscribe(client: DdpClient): Promise<void> {
		const { userId } = this.login as ResumeLogin;
		if (this.settings.channel) {
			if (!this.channelId) {
				const info = (await squadusApiRequest.call(this.ctx, 'GET', '/channels.info', {
					qs: this.settings.channel,
				})) as IDataObject;
				const channel = info.channel as IDataObject;
				this.channelId = String(channel._id);
				this.rooms.set(this.channelId, {
					name: String(channel.name ?? ''),
					type: String(channel.t ?? 'c'),
				});
			}
			await client.subscribe('stream-room-messages', [this.channelId, false]);
			return;
		}
		if (!this.rooms.size) await this.loadRooms();
		await client.subscribe('stream-room-messages', ['__my_messages__', false]);
		await client.subscribe('stream-notify-user', [`${userId}/rooms-changed`, false]);
	}

	/** Names and types of the user's rooms, so every item says where it was posted. */
	private async loadRooms(updatedSince?: number): Promise<IDataObject[]> {
		const qs =
			updatedSince === undefined ? {} : { updatedSince: new Date(updatedSince).toISOString() };
		const response = (await squadusApiRequest.call(this.ctx, 'GET', '/rooms.get', {
			qs,
		})) as IDataObject;
		const rooms = (response.update ?? []) as IDataObject[];
		for (const room of rooms) this.remember(room);
		return rooms;
	}

	private remember(room: IDataObject): void {
		const type = String(room.t ?? '');
		let name = String(room.fname ?? room.name ?? '');
		if (type === 'd') {
			const me = String((this.login as ResumeLogin).me.username ?? '');
			const others = ((room.usernames ?? []) as string[]).filter((u) => u !== me);
			name = (others.length ? others : [me]).join(', ');
		}
		this.rooms.set(String(room._id), { name, type });
	}

	private enqueue(task: () => Promise<void>): void {
		this.queue = this.queue.then(task).catch((error: Error) => {
			this.ctx.logger.warn(`Squadus Realtime Trigger: ${error.message}`);
			// a failed catch-up is repeated after a reconnect
			if (!this.stopped) this.client?.close();
		});
	}

	private onChanged(collection: string, eventName: string, args: unknown[]): void {
		if (this.stopped) return;
		if (collection === 'stream-room-messages') {
			const raw = args[0] as IDataObject | undefined;
			if (raw && typeof raw === 'object') this.enqueue(async () => await this.handle(raw));
		} else if (collection === 'stream-notify-user' && eventName.endsWith('/rooms-changed')) {
			const room = args[1] as IDataObject | undefined;
			if (args[0] !== 'removed' && room?._id) this.remember(room);
		}
	}

	/**
	 * Reads what was posted while the trigger was not connected (or before n8n restarted), room by
	 * room, from the last message seen, and handles it like live messages (duplicates are skipped).
	 */
	private async catchUp(): Promise<void> {
		const since = this.position;
		let rooms: Array<{ _id: string; t: string }>;
		if (this.channelId) {
			rooms = [{ _id: this.channelId, t: this.rooms.get(this.channelId)?.type ?? 'c' }];
		} else {
			const changed = await this.loadRooms(Math.max(since.ts - LATE_ARRIVAL_MS, since.from));
			rooms = changed.map((room) => ({ _id: String(room._id), t: String(room.t) }));
		}
		const found: IDataObject[] = [];
		for (const room of rooms) {
			const endpoint =
				room.t === 'd' ? '/im.messages' : room.t === 'c' ? '/channels.messages' : undefined;
			if (!endpoint || (this.settings.event === 'directMessage' && room.t !== 'd')) continue;
			const feed = messageFeed.call(this.ctx, endpoint, { roomId: room._id });
			found.push(...(await readNewer(feed, since)).items);
		}
		found.sort((a, b) => (timeOf(a) ?? 0) - (timeOf(b) ?? 0));
		for (const message of found) await this.handle(message);
	}

	/** One message from the stream or the catch-up: emitted once if it is new and wanted. */
	private async handle(raw: IDataObject): Promise<void> {
		if (this.stopped) return;
		const message = restShape(raw);
		const ts = timeOf(message);
		const id = idOf(message);
		// an edit, a reaction or an update of an older message: not a new message (the catch-up
		// itself reads nothing from before the position)
		if (ts === undefined || message.editedAt || this.position.seen[id]) return;
		if (ts < this.position.ts - LATE_ARRIVAL_MS) return;
		this.position = advance(this.position, { items: [message], covered: 0 }, timeOf, idOf);
		this.savePosition();

		const rid = String(message.rid);
		if (!this.rooms.has(rid)) await this.loadRooms();
		const room = this.rooms.get(rid) ?? { name: '', type: '' };
		if (!this.wanted(message, room)) return;
		if (this.manual) {
			if (this.emittedInManual) return;
			this.emittedInManual = true;
		}
		this.emitItem({ ...message, roomName: room.name, roomType: room.type });
	}

	private wanted(message: IDataObject, room: RoomInfo): boolean {
		const { settings } = this;
		const me = this.login as ResumeLogin;
		const author = (message.u ?? {}) as IDataObject;
		if (settings.channel && message.rid !== this.channelId) return false;
		if (settings.event === 'directMessage' && room.type !== 'd') return false;
		if (settings.event === 'mention') {
			const mentions = (message.mentions ?? []) as IDataObject[];
			if (!mentions.some((m) => m._id === me.userId || m.username === me.me.username)) return false;
		}
		if (settings.ignoreOwn && author._id === me.userId) return false;
		if (settings.ignoreBots && message.bot) return false;
		if (settings.ignoreSystem && message.t) return false;
		const text = String(message.msg ?? '');
		if (settings.textContains && !text.toLowerCase().includes(settings.textContains)) return false;
		if (settings.textRegex && !settings.textRegex.test(text)) return false;
		return true;
	}
}
