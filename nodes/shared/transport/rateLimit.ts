import { sleep, type IDataObject } from 'n8n-workflow';

/**
 * Squadus's rate limit (HTTP 429): the one place that decides whether and how long to wait.
 * The transport's request loop and the password credential's login both call
 * `waitOutRateLimit`; pacing ahead of a 429 can hook in here too.
 */

/** 429: tries in all, and the longest wait for X-RateLimit-Reset. */
export const RATE_LIMIT_TRIES = 5;
export const RATE_LIMIT_MAX_WAIT_MS = 60_000;
const MIN_WAIT_MS = 50;

/**
 * When the limit resets, in epoch milliseconds. Rocket.Chat sends epoch milliseconds; epoch
 * seconds and a number of seconds from now (as some proxies send) are read too.
 */
export function rateLimitResetAt(value: unknown, now = Date.now()): number | undefined {
	const reset = Number(value);
	if (!Number.isFinite(reset) || reset <= 0) return undefined;
	if (reset >= 1e12) return reset; // epoch milliseconds
	if (reset >= 1e9) return reset * 1000; // epoch seconds
	return now + reset * 1000; // seconds from now
}

/** How long to wait before try `attempt + 1` after a 429 with these headers. */
export function rateLimitWait(headers: IDataObject | undefined, attempt: number, now = Date.now()): number {
	const resetAt = rateLimitResetAt(headers?.['x-ratelimit-reset'], now);
	const retryAfter = Number(headers?.['retry-after']);
	const wait =
		resetAt !== undefined
			? resetAt - now
			: Number.isFinite(retryAfter) && retryAfter > 0
				? retryAfter * 1000
				: 1000 * 2 ** (attempt - 1);
	return Math.min(Math.max(wait, MIN_WAIT_MS), RATE_LIMIT_MAX_WAIT_MS);
}

/**
 * After answer number `attempt` of one request: if it is a 429 and tries remain, waits until
 * the limit resets and returns true (send the request again); otherwise returns false.
 */
export async function waitOutRateLimit(
	response: { statusCode: number; headers?: unknown },
	attempt: number,
): Promise<boolean> {
	if (response.statusCode !== 429 || attempt >= RATE_LIMIT_TRIES) return false;
	await sleep(rateLimitWait(response.headers as IDataObject | undefined, attempt));
	return true;
}
