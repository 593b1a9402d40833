import { sleep } from 'n8n-workflow';

/** The part of the WHATWG WebSocket the trigger uses (Node 22+ has it as a global). */
export interface RealtimeSocket {
	readonly readyState: number;
	onopen: ((event: unknown) => void) | null;
	onmessage: ((event: { data: unknown }) => void) | null;
	onclose: ((event: { code?: number; reason?: string }) => void) | null;
	onerror: ((event: unknown) => void) | null;
	send(data: string): void;
	close(code?: number, reason?: string): void;
}

export type RealtimeSocketConstructor = new (url: string) => RealtimeSocket;

// Node 22 and later define WebSocket globally; on Node 20 it is undefined (typeof is safe).
declare const WebSocket: RealtimeSocketConstructor | undefined;

/**
 * Where the trigger gets its WebSocket from. Nodes take the runtime's global WebSocket; the
 * tests, which run on Node 20, put a WHATWG-compatible implementation here. Nothing else.
 */
export const socketProvider: { WebSocket?: RealtimeSocketConstructor } = {};

export function webSocketImplementation(): RealtimeSocketConstructor | undefined {
	return socketProvider.WebSocket ?? (typeof WebSocket === 'function' ? WebSocket : undefined);
}

/** Timings of the connection; tests shorten them. */
export const realtimeTimings = {
	/** no frame for this long: send a ping */
	heartbeatMs: 30_000,
	/** no frame this long after the ping: the connection is dead */
	timeoutMs: 15_000,
	/** how often the watchdog and the backoff check whether the trigger was closed */
	tickMs: 1_000,
	/** reconnect backoff: first wait and longest wait (each with up to 50 % jitter) */
	backoffFirstMs: 1_000,
	backoffMaxMs: 60_000,
};

/** Sleeps `ms` in short steps, returning early once `stopped()` says so. */
export async function sleepUnless(ms: number, stopped: () => boolean): Promise<void> {
	const until = Date.now() + ms;
	while (!stopped()) {
		const left = until - Date.now();
		if (left <= 0) return;
		await sleep(Math.min(left, realtimeTimings.tickMs));
	}
}

/** A DDP error (`result.error`, `nosub.error`): Meteor.Error's fields. */
export class DdpError extends Error {
	constructor(
		readonly error: string | number | undefined,
		readonly reason: string,
	) {
		super(reason);
		this.name = 'DdpError';
	}
}

/** The connection ended (closed, dropped, or silent too long). */
export class DdpClosed extends Error {
	constructor(reason: string) {
		super(reason);
		this.name = 'DdpClosed';
	}
}

type Frame = Record<string, unknown>;

interface Pending {
	resolve(value: unknown): void;
	reject(error: Error): void;
}

export interface DdpHandlers {
	/** a stream event: `changed` with `fields.eventName` and `fields.args` */
	onChanged(collection: string, eventName: string, args: unknown[]): void;
	/** the connection ended; called once */
	onClosed(reason: string): void;
}

const OPEN = 1;

/**
 * One DDP connection (Rocket.Chat's Realtime API): connect, answer the server's pings, ping
 * when the line is quiet and give up when nothing comes back, method calls and subscriptions.
 * Every pending call fails when the connection ends, so no call waits on its own timer.
 */
export class DdpClient {
	private readonly socket: RealtimeSocket;
	private readonly pending = new Map<string, Pending>();
	private nextId = 1;
	private lastReceived = Date.now();
	private pingSent = false;
	private ended = false;
	private connected?: Pending;

	constructor(
		Impl: RealtimeSocketConstructor,
		url: string,
		private readonly handlers: DdpHandlers,
	) {
		this.socket = new Impl(url);
		this.socket.onopen = () => {
			this.lastReceived = Date.now();
			this.send({ msg: 'connect', version: '1', support: ['1', 'pre2', 'pre1'] });
		};
		this.socket.onmessage = (event) => this.receive(event.data);
		this.socket.onerror = () => this.end('the connection failed');
		this.socket.onclose = (event) =>
			this.end(`the connection closed${event?.code ? ` (code ${event.code})` : ''}`);
		void this.watch();
	}

	get closed(): boolean {
		return this.ended;
	}

	/** Resolves once the server answered `connected`. */
	async open(): Promise<void> {
		if (this.ended) throw new DdpClosed('the connection closed');
		await new Promise((resolve, reject) => {
			this.connected = { resolve, reject };
		});
	}

	async call(method: string, params: unknown[]): Promise<unknown> {
		return await this.request({ msg: 'method', method, params });
	}

	async subscribe(name: string, params: unknown[]): Promise<void> {
		await this.request({ msg: 'sub', name, params });
	}

	close(): void {
		this.end('closed by the trigger');
	}

	private async request(frame: Frame): Promise<unknown> {
		if (this.ended) throw new DdpClosed('the connection closed');
		const id = String(this.nextId++);
		const answer = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
		this.send({ ...frame, id });
		return await answer;
	}

	private send(frame: Frame): void {
		if (!this.ended && this.socket.readyState === OPEN) this.socket.send(JSON.stringify(frame));
	}

	private settle(id: unknown, error: unknown, value?: unknown): void {
		const pending = this.pending.get(String(id));
		if (!pending) return;
		this.pending.delete(String(id));
		if (error) {
			const { error: code, reason, message } = error as Frame;
			pending.reject(new DdpError(code as string | number, String(reason ?? message ?? 'refused')));
		} else pending.resolve(value);
	}

	private receive(data: unknown): void {
		this.lastReceived = Date.now();
		this.pingSent = false;
		let frame: Frame;
		try {
			frame = JSON.parse(String(data)) as Frame;
		} catch {
			return;
		}
		switch (frame.msg) {
			case 'connected':
				this.connected?.resolve(undefined);
				this.connected = undefined;
				break;
			case 'failed':
				this.end('the server does not speak this DDP version');
				break;
			case 'ping':
				this.send(frame.id === undefined ? { msg: 'pong' } : { msg: 'pong', id: frame.id });
				break;
			case 'result':
				this.settle(frame.id, frame.error, frame.result);
				break;
			case 'ready':
				for (const id of (frame.subs as unknown[]) ?? []) this.settle(id, undefined);
				break;
			case 'nosub':
				if (this.pending.has(String(frame.id))) {
					this.settle(frame.id, frame.error ?? { reason: 'The subscription was refused' });
				} else this.end('the server ended a subscription');
				break;
			case 'changed': {
				const fields = (frame.fields ?? {}) as Frame;
				this.handlers.onChanged(
					String(frame.collection),
					String(fields.eventName),
					Array.isArray(fields.args) ? fields.args : [],
				);
				break;
			}
		}
	}

	/** Pings a quiet line and ends a silent one. */
	private async watch(): Promise<void> {
		while (!this.ended) {
			await sleep(Math.min(realtimeTimings.tickMs, realtimeTimings.heartbeatMs));
			const quiet = Date.now() - this.lastReceived;
			if (quiet >= realtimeTimings.heartbeatMs + realtimeTimings.timeoutMs) {
				this.end('the server stopped answering');
			} else if (quiet >= realtimeTimings.heartbeatMs && !this.pingSent) {
				this.pingSent = true;
				this.send({ msg: 'ping', id: `p${this.nextId++}` });
			}
		}
	}

	private end(reason: string): void {
		if (this.ended) return;
		this.ended = true;
		try {
			this.socket.close();
		} catch {
			// already closed
		}
		const error = new DdpClosed(reason);
		this.connected?.reject(error);
		for (const pending of this.pending.values()) pending.reject(error);
		this.pending.clear();
		this.handlers.onClosed(reason);
	}
}
