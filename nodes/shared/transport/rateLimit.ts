import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

import { clock } from './clock';
import { actionOf } from './errors';

/**
 * Pacing from Squadus's rate-limit headers.
 *
 * Rocket.Chat counts the calls of each user (and address) to each route in fixed windows, and
 * answers every counted call with `X-RateLimit-Limit`, `X-RateLimit-Remaining` and
 * `X-RateLimit-Reset` (the end of the window, epoch milliseconds). A request that would be
 * refused waits for the next window instead of being sent, and an item fails only after it
 * has waited longer than its budget, not after a number of refusals.
 *
 * State is kept per run, per credential and per endpoint (method and path, as the server
 * counts). "Per run" is the workflow execution: its key is the execution's cancel signal, one
 * AbortSignal per execution that every node of the execution gets from n8n-core, so nodes and
 * Batching items in flight share what the server said, and the state is collected with the
 * execution (WeakMap). Contexts without that signal (list searches, polls) use the context
 * object itself, i.e. one node run.
 *
 * Other executions, or other workers in queue mode, share the same allowance without sharing
 * this state. Their calls show in `X-RateLimit-Remaining`, which drops faster than our own
 * calls explain; a run then keeps as many calls of each window free as the others have in
 * flight, so the last calls of a window are not sent by everyone at once and refused.
 */

/** How long an item may wait for the rate limit when the node has no Options → Timeout. */
export const RATE_LIMIT_BUDGET_MS = 5 * 60_000;
/** After the window's end, before the first call of the next one (timers, clock granularity). */
const WINDOW_MARGIN_MS = 3;
/** Answers whose resets are this close belong to the same window (at most a quarter window). */
const SAME_WINDOW_MS = 500;
/** A refusal without a usable reset: wait 1 s, 2 s, 4 s … up to a minute. */
const BACKOFF_MS = 1000;
const BACKOFF_MAX_MS = 60_000;
const MIN_WAIT_MS = 50;

export interface Pace {
	/** X-RateLimit-Limit: calls per window. */
	limit?: number;
	/** The lowest X-RateLimit-Remaining of the current window; undefined while the server sent none. */
	remaining?: number;
	/** When the current window ends, on this machine's clock; 0 when not known. */
	resetAt: number;
	/** The end of the last window that has passed: late answers from it are ignored. */
	expiredAt: number;
	/** The longest window seen (reset minus now at a window's first answer). */
	windowMs: number;
	/** How far this machine's clock runs ahead of the server's, learnt from refusals. */
	skewMs: number;
	/** Our requests sent and not yet answered. */
	inFlight: number;
	/** Our answered calls in the current window, and the most of ours in flight at once. */
	own: number;
	peak: number;
	/** Calls the others (executions, workers) keep in flight, estimated; kept across windows. */
	reserve: number;
	waiters: Array<() => void>;
}

export interface PaceWait {
	/** Milliseconds this request has waited for the rate limit so far. */
	ms: number;
}

const runs = new WeakMap<object, Map<string, Pace>>();

type PacedContext = Pick<IExecuteFunctions, 'getNode'> & {
	getExecutionCancelSignal?: () => AbortSignal | undefined;
};

function cancelSignal(context: PacedContext): AbortSignal | undefined {
	return typeof context.getExecutionCancelSignal === 'function'
		? context.getExecutionCancelSignal()
		: undefined;
}

/** The pace of one endpoint for one credential in the current run. */
export function paceFor(
	context: PacedContext,
	credential: string,
	method: IHttpRequestMethods,
	endpoint: string,
): Pace {
	const run = cancelSignal(context) ?? context;
	let paces = runs.get(run);
	if (!paces) runs.set(run, (paces = new Map()));
	const key = `${credential}\n${method} ${endpoint.split('?')[0]}`;
	let pace = paces.get(key);
	if (!pace) {
		pace = {
			resetAt: 0,
			expiredAt: 0,
			windowMs: 0,
			skewMs: 0,
			inFlight: 0,
			own: 0,
			peak: 0,
			reserve: 0,
			waiters: [],
		};
		paces.set(key, pace);
	}
	return pace;
}

function header(headers: IDataObject | undefined, name: string): number | undefined {
	const raw = headers?.[name];
	const value = Number(Array.isArray(raw) ? raw[0] : raw);
	return raw === undefined || raw === null || raw === '' || !Number.isFinite(value)
		? undefined
		: value;
}

/**
 * X-RateLimit-Reset as epoch milliseconds. Rocket.Chat sends epoch milliseconds; other servers
 * and proxies send epoch seconds or seconds from now.
 */
export function parseReset(value: number | undefined, now = clock.now()): number | undefined {
	if (value === undefined || value <= 0) return undefined;
	if (value >= 1e12) return value;
	if (value >= 1e9) return value * 1000;
	return now + value * 1000;
}

/** "You must wait 12 seconds before trying this endpoint again" in Rocket.Chat's 429 body. */
function waitFromBody(body: unknown): number | undefined {
	const text = body && typeof body === 'object' ? (body as IDataObject).error : body;
	const seconds = /wait (\d+) seconds?/i.exec(String(text))?.[1];
	return seconds === undefined ? undefined : Number(seconds) * 1000;
}

function notify(pace: Pace) {
	const waiters = pace.waiters;
	pace.waiters = [];
	for (const wake of waiters) wake();
}

/** The window has passed: the server starts counting again at the next call. */
function openWindow(pace: Pace) {
	pace.expiredAt = pace.resetAt;
	pace.resetAt = 0;
	pace.remaining = pace.limit;
	pace.own = 0;
	pace.peak = pace.inFlight;
}

/** Calls that may be sent now without being refused, as far as the run knows. */
function free(pace: Pace): number {
	if (pace.remaining === undefined) return Infinity;
	return pace.remaining - pace.inFlight - pace.reserve;
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

function budgetError(
	node: INode,
	pace: Pace,
	waited: number,
	next: number,
	budgetMs: number,
	{ endpoint, itemIndex }: { endpoint: string; itemIndex: number },
): NodeApiError {
	const action = actionOf(endpoint);
	const limit =
		pace.limit === undefined
			? 'Squadus did not say how many calls it allows'
			: `Squadus allows this account ${pace.limit} calls per window to "${action}"`;
	const message = `Squadus's rate limit was still reached after waiting ${seconds(waited)}`;
	return new NodeApiError(node, { message } as JsonObject, {
		message,
		description: `${limit}, and the next call is allowed in ${seconds(next)}: beyond the ${seconds(budgetMs)} an item may wait (the node's Options → Timeout, or ${RATE_LIMIT_BUDGET_MS / 60_000} minutes without it). Other workflows or n8n workers using the same account share this allowance: run fewer at once, raise Options → Timeout, or ask a Squadus administrator to raise the limit or to give the account the api-bypass-rate-limit permission.`,
		httpCode: '429',
		itemIndex,
	});
}

/**
 * Waits until a call to the endpoint will not be refused, then counts it as in flight. Throws
 * when the wait would take the request beyond its budget. Every call must be followed by
 * `leaveTurn`.
 */
export async function takeTurn(
	context: PacedContext,
	pace: Pace,
	waited: PaceWait,
	budgetMs: number,
	where: { endpoint: string; itemIndex: number },
): Promise<void> {
	for (;;) {
		const now = clock.now();
		if (pace.resetAt && now >= pace.resetAt) openWindow(pace);
		if (free(pace) > 0 || (pace.resetAt === 0 && pace.inFlight === 0)) {
			pace.inFlight++;
			pace.peak = Math.max(pace.peak, pace.inFlight);
			return;
		}
		const started = now;
		if (pace.inFlight > 0) {
			// our calls in flight may already be counted in the last Remaining: their answers tell
			await new Promise<void>((resolve) => pace.waiters.push(resolve));
		} else {
			const ms = pace.resetAt - now + WINDOW_MARGIN_MS;
			if (waited.ms + ms > budgetMs) {
				throw budgetError(context.getNode(), pace, waited.ms, ms, budgetMs, where);
			}
			await clock.sleep(ms, cancelSignal(context));
		}
		waited.ms += clock.now() - started;
	}
}

/**
 * Takes in what the server said about the allowance (no response: the request failed without
 * an answer). A refusal is counted and sets when the next call may be sent.
 */
export function leaveTurn(
	pace: Pace,
	response?: { statusCode: number; headers?: IDataObject; body?: unknown },
	refusals = 1,
): void {
	pace.inFlight = Math.max(0, pace.inFlight - 1);
	try {
		if (!response) return;
		const now = clock.now();
		const { statusCode: status, headers } = response;
		const limit = header(headers, 'x-ratelimit-limit');
		const remaining = header(headers, 'x-ratelimit-remaining');
		const reset = parseReset(header(headers, 'x-ratelimit-reset'), now);
		if (status === 429) {
			if (limit !== undefined) pace.limit = limit;
			if (reset !== undefined && reset <= now) {
				// refused although the server's window has ended by our clock: our clock runs ahead
				pace.skewMs = Math.max(pace.skewMs, now - reset + WINDOW_MARGIN_MS);
			}
			const end =
				reset !== undefined
					? reset + pace.skewMs
					: now +
						(waitFromBody(response.body) ??
							Math.min(BACKOFF_MAX_MS, BACKOFF_MS * 2 ** (refusals - 1)));
			pace.remaining = 0;
			pace.resetAt = Math.max(end, now + MIN_WAIT_MS, pace.resetAt);
			return;
		}
		if (remaining === undefined || reset === undefined) {
			// an answer the server did not count: it does not limit this endpoint (any more)
			if (status < 400) {
				pace.remaining = undefined;
				pace.resetAt = 0;
			}
			return;
		}
		const end = reset + pace.skewMs;
		if (limit !== undefined) pace.limit = limit;
		const same = Math.min(SAME_WINDOW_MS, pace.windowMs / 4);
		if (end <= pace.expiredAt + same) return; // a late answer from a window that has passed
		// Stryker disable next-line ConditionalExpression: `pace.resetAt === 0` → false is equivalent, as any epoch reset is beyond 0 + same (docs/testing.md)
		if (pace.resetAt === 0 || end > pace.resetAt + same) {
			// the first answer of a new window
			pace.windowMs = Math.max(pace.windowMs, end - now);
			pace.resetAt = end;
			pace.remaining = remaining;
			pace.own = 1;
			pace.peak = Math.max(1, pace.inFlight + 1);
		} else if (end >= pace.resetAt - same) {
			pace.resetAt = Math.max(pace.resetAt, end);
			pace.remaining = Math.min(pace.remaining ?? remaining, remaining);
			pace.own++;
		} else {
			return;
		}
		if (pace.limit !== undefined) {
			// calls the server counted that are not ours: other executions or workers on this account
			const others = Math.max(0, pace.limit - pace.remaining - pace.own - pace.inFlight);
			pace.reserve = Math.min(
				pace.limit - 1,
				Math.round((others / pace.own) * Math.max(1, pace.peak)),
			);
		}
	} finally {
		notify(pace);
	}
}

/** Logins have no node run to pace them: they wait out a 429 this many tries in all. */
export const LOGIN_RATE_LIMIT_TRIES = 5;
const LOGIN_MAX_WAIT_MS = 60_000;

/**
 * For the logins (the password credential's and the Auth node's): after answer number `attempt`,
 * if it is a 429 and tries remain, waits until the server's reset (or the wait its message
 * names, or a backoff) and returns true (send the login again); otherwise returns false.
 */
export async function waitOutRateLimit(
	response: { statusCode: number; headers?: unknown; body?: unknown },
	attempt: number,
): Promise<boolean> {
	if (response.statusCode !== 429 || attempt >= LOGIN_RATE_LIMIT_TRIES) return false;
	const now = clock.now();
	const reset = parseReset(
		header(response.headers as IDataObject | undefined, 'x-ratelimit-reset'),
		now,
	);
	const wait =
		reset !== undefined
			? reset - now
			: (waitFromBody(response.body) ?? BACKOFF_MS * 2 ** (attempt - 1));
	await clock.sleep(Math.min(Math.max(wait, MIN_WAIT_MS), LOGIN_MAX_WAIT_MS));
	return true;
}
