import { sleep } from 'n8n-workflow';

/**
 * The transport's time: when a rate-limit window ends, how long a refused or dropped request
 * waits before it is sent again. Every wait and every reading of the time in the transport goes
 * through this one object, so tests can put a clock of their own in its place and check the
 * waits at a window's edge, instead of racing the real clock.
 */
export const clock = {
	now: (): number => Date.now(),
	sleep: async (ms: number, abortSignal?: AbortSignal): Promise<void> =>
		await sleep(ms, abortSignal),
};
