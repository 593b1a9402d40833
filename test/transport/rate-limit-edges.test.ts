// The rate limit's edges, on a clock the test controls (fake-clock.ts): where a window ends, what
// a refusal makes the next call wait, and which answers start a new window. The node-level tests
// (rate-limit.test.ts) run the same code against the sandbox in real time; these pin the edges
// that real time cannot reach exactly. Each expectation names the wait the transport asked for.
import type { IDataObject, INode } from 'n8n-workflow';

import {
	leaveTurn,
	paceFor,
	parseReset,
	takeTurn,
	waitOutRateLimit,
	type Pace,
} from '../../nodes/shared/transport/rateLimit';
import { fakeClock, type FakeClock } from './fake-clock';

const node = { name: 'Send Message', type: 'squadusChat' } as INode;
const where = { endpoint: '/chat.postMessage', itemIndex: 0 };
const BUDGET = 5 * 60_000;

let time: FakeClock;
beforeEach(() => {
	time = fakeClock();
});
afterEach(() => time.restore());

/** A fresh pace: each test has its own node run (the context object keys the state). */
function newPace(): { pace: Pace; turn: () => Promise<number> } {
	const context = { getNode: () => node };
	const pace = paceFor(context, 'squadusApi cred-1', 'POST', '/api/v1/chat.postMessage');
	return {
		pace,
		/** Takes a turn and returns how long it waited. */
		turn: async () => {
			const waited = { ms: 0 };
			await takeTurn(context, pace, waited, BUDGET, where);
			return waited.ms;
		},
	};
}

const counted = (remaining: number, reset: number, limit = 10): IDataObject => ({
	'x-ratelimit-limit': String(limit),
	'x-ratelimit-remaining': String(remaining),
	'x-ratelimit-reset': String(reset),
});

describe('the end of a window', () => {
	it('sends the first call at exactly X-RateLimit-Reset without waiting', async () => {
		const { pace, turn } = newPace();
		await turn();
		leaveTurn(pace, { statusCode: 200, headers: counted(0, time.now + 1000, 1) });
		time.now += 1000;
		expect(await turn()).toBe(0);
		expect(time.waits).toEqual([]);
	});

	it('one millisecond before the reset, waits for it and the 3 ms margin', async () => {
		const { pace, turn } = newPace();
		await turn();
		leaveTurn(pace, { statusCode: 200, headers: counted(0, time.now + 1000, 1) });
		time.now += 999;
		expect(await turn()).toBe(4);
		expect(time.waits).toEqual([4]);
	});
});

describe('a refusal (429)', () => {
	it('with X-RateLimit-Reset: waits until that reset, not a backoff', async () => {
		const { pace, turn } = newPace();
		await turn();
		leaveTurn(pace, { statusCode: 429, headers: { 'x-ratelimit-reset': String(time.now + 5000) } });
		expect(pace.resetAt).toBe(time.now + 5000);
		expect(await turn()).toBe(5003);
	});

	it('with a reset already past by our clock: learns how far our clock runs ahead', async () => {
		const { pace, turn } = newPace();
		await turn();
		leaveTurn(pace, { statusCode: 429, headers: { 'x-ratelimit-reset': String(time.now - 200) } });
		expect(pace.skewMs).toBe(203);
		// the window ends 3 ms after our clock passes the server's reset, but a refusal waits 50 ms at least
		expect(pace.resetAt).toBe(time.now + 50);
		expect(await turn()).toBe(53);

		// a reset at exactly our now is one our clock has reached: the window has ended here
		const exact = newPace();
		await exact.turn();
		leaveTurn(exact.pace, { statusCode: 429, headers: { 'x-ratelimit-reset': String(time.now) } });
		expect(exact.pace.skewMs).toBe(3);
	});

	it("without headers: the wait Rocket.Chat's message names, in a JSON error or plain text", async () => {
		const json = newPace();
		await json.turn();
		leaveTurn(json.pace, {
			statusCode: 429,
			body: {
				success: false,
				error:
					'Error, too many requests. Please slow down. You must wait 12 seconds before trying this endpoint again. [error-too-many-requests]',
			},
		});
		expect(json.pace.resetAt).toBe(time.now + 12_000);

		const text = newPace();
		await text.turn();
		leaveTurn(
			text.pace,
			{
				statusCode: 429,
				body: 'You must wait 1 second before trying this endpoint again.',
			},
			3,
		);
		// the third refusal in a row: the message's 1 s, not the 4 s backoff
		expect(text.pace.resetAt).toBe(time.now + 1000);
	});

	it('with nothing to go by: waits 1 s, 2 s, 4 s … by refusals in a row, at most a minute', async () => {
		const { pace, turn } = newPace();
		const waits: number[] = [];
		for (const refusals of [1, 2, 3, 7, 8]) {
			await turn();
			const before = time.now;
			leaveTurn(pace, { statusCode: 429, body: 'Too Many Requests' }, refusals);
			waits.push(pace.resetAt - before);
		}
		expect(waits).toEqual([1000, 2000, 4000, 60_000, 60_000]);
	});
});

describe('which answers start a new window', () => {
	it('the first answer of the next window takes its Remaining, even when higher', async () => {
		const { pace, turn } = newPace();
		await turn();
		const reset = time.now + 60_000;
		leaveTurn(pace, { statusCode: 200, headers: counted(5, reset) });
		expect(pace.remaining).toBe(5);
		time.now = reset + 10;
		await turn();
		leaveTurn(pace, { statusCode: 200, headers: counted(9, reset + 60_000) });
		expect(pace.resetAt).toBe(reset + 60_000);
		expect(pace.remaining).toBe(9);
		expect(pace.own).toBe(1);
	});

	it('a new window reported while the old one is not yet over by our clock is a new window', async () => {
		const { pace, turn } = newPace();
		await turn();
		const reset = time.now + 1000;
		leaveTurn(pace, { statusCode: 200, headers: counted(2, reset) });
		await turn();
		// the server's window already turned over (its clock is ahead): a later reset, a full count
		leaveTurn(pace, { statusCode: 200, headers: counted(9, reset + 1000) });
		expect(pace.resetAt).toBe(reset + 1000);
		expect(pace.remaining).toBe(9);
		expect(pace.own).toBe(1);
	});

	it('with a short window (400 ms), the next reset 400 ms later is a new window, not the same one', async () => {
		// windows of the same server differ by a window's length; answers of one window by a few
		// ms: the tolerance is a quarter of the window (100 ms here), at most 500 ms
		const { pace, turn } = newPace();
		await turn();
		const reset = time.now + 400;
		leaveTurn(pace, { statusCode: 200, headers: counted(2, reset) });
		expect(pace.windowMs).toBe(400);
		await turn();
		leaveTurn(pace, { statusCode: 200, headers: counted(9, reset + 400) });
		expect(pace.resetAt).toBe(reset + 400);
		expect(pace.remaining).toBe(9);
		expect(pace.own).toBe(1);
	});

	it('answers of the same window keep the lowest Remaining and count our calls', async () => {
		const { pace, turn } = newPace();
		await turn();
		await turn();
		const reset = time.now + 60_000;
		leaveTurn(pace, { statusCode: 200, headers: counted(7, reset) });
		// answered out of order: the call counted first arrives last, with a reset a few ms apart
		leaveTurn(pace, { statusCode: 200, headers: counted(8, reset - 4) });
		expect(pace.remaining).toBe(7);
		expect(pace.resetAt).toBe(reset);
		expect(pace.own).toBe(2);
	});

	it('a late answer from a window that has passed changes nothing', async () => {
		const { pace, turn } = newPace();
		await turn();
		await turn();
		const reset = time.now + 1000;
		leaveTurn(pace, { statusCode: 200, headers: counted(0, reset, 2) });
		time.now = reset;
		await turn(); // opens the next window
		leaveTurn(pace, { statusCode: 200, headers: counted(1, reset, 2) });
		expect(pace.resetAt).toBe(0);
		expect(pace.remaining).toBe(2);
		expect(pace.expiredAt).toBe(reset);
	});
});

describe('the logins wait out a 429 (password credential, Auth node)', () => {
	const refused = (extra: { headers?: IDataObject; body?: unknown } = {}) => ({
		statusCode: 429,
		...extra,
	});

	it('until X-RateLimit-Reset, or the wait the message names', async () => {
		expect(
			await waitOutRateLimit(
				refused({ headers: { 'x-ratelimit-reset': String(time.now + 2500) } }),
				1,
			),
		).toBe(true);
		expect(
			await waitOutRateLimit(
				refused({ body: { error: 'You must wait 7 seconds before trying this endpoint again.' } }),
				1,
			),
		).toBe(true);
		expect(await waitOutRateLimit(refused({ body: 'You must wait 3 seconds' }), 1)).toBe(true);
		expect(time.waits).toEqual([2500, 7000, 3000]);
	});

	it('with nothing to go by: 1 s, 2 s, 4 s, 8 s, then gives up at the fifth answer', async () => {
		const answers: boolean[] = [];
		for (let attempt = 1; attempt <= 5; attempt++) {
			answers.push(await waitOutRateLimit(refused(), attempt));
		}
		expect(answers).toEqual([true, true, true, true, false]);
		expect(time.waits).toEqual([1000, 2000, 4000, 8000]);
	});

	it('at least 50 ms, at most a minute, and never for an answer that is not a 429', async () => {
		await waitOutRateLimit(refused({ headers: { 'x-ratelimit-reset': String(time.now + 1) } }), 1);
		await waitOutRateLimit(refused({ body: 'You must wait 600 seconds' }), 1);
		expect(await waitOutRateLimit({ statusCode: 200 }, 1)).toBe(false);
		expect(await waitOutRateLimit({ statusCode: 503 }, 1)).toBe(false);
		expect(time.waits).toEqual([50, 60_000]);
	});
});

describe('a wait beyond what an item may wait', () => {
	/** Takes a turn with a budget of one second. */
	async function shortTurn(pace: Pace) {
		const context = { getNode: () => node };
		await takeTurn(context, pace, { ms: 0 }, 1000, where);
	}

	it("fails at once, naming the server's allowance and when the next call is allowed", async () => {
		const { pace, turn } = newPace();
		await turn();
		leaveTurn(pace, { statusCode: 200, headers: counted(0, time.now + 60_000, 10) });
		await expect(shortTurn(pace)).rejects.toMatchObject({
			message: "Squadus's rate limit was still reached after waiting 0.0 s",
			description: expect.stringMatching(
				/^Squadus allows this account 10 calls per window to "chat\.postMessage", and the next call is allowed in 60 s: beyond the 1\.0 s an item may wait/,
			),
			httpCode: '429',
		});
		expect(time.waits).toEqual([]);
	});

	it('says so when the server never named its allowance', async () => {
		const { pace, turn } = newPace();
		await turn();
		leaveTurn(pace, { statusCode: 429, headers: {}, body: { success: false } });
		await expect(shortTurn(pace)).rejects.toMatchObject({
			description: expect.stringMatching(
				/^Squadus did not say how many calls it allows, and the next call is allowed in 1\.0 s/,
			),
		});
	});
});

describe('the rules, one by one', () => {
	const context = { getNode: () => node };
	const settle = () => new Promise((resolve) => setImmediate(resolve));

	it('X-RateLimit-Reset: epoch milliseconds, epoch seconds or seconds from now; nothing for 0 or less', () => {
		const now = time.now;
		expect(parseReset(0, now)).toBeUndefined();
		expect(parseReset(-5, now)).toBeUndefined();
		expect(parseReset(1e12, now)).toBe(1e12);
		expect(parseReset(1e9, now)).toBe(1e12);
		expect(parseReset(999_999_999, now)).toBe(now + 999_999_999_000);
		expect(parseReset(30, now)).toBe(now + 30_000);
	});

	it('a null header is no count; of a repeated header the first counts', () => {
		const { pace } = newPace();
		leaveTurn(pace, {
			statusCode: 200,
			headers: { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': null, 'x-ratelimit-reset': String(time.now + 1000) },
		});
		expect(pace.remaining).toBeUndefined();
		leaveTurn(pace, {
			statusCode: 200,
			headers: { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': ['3', '9'], 'x-ratelimit-reset': String(time.now + 1000) },
		});
		expect(pace.remaining).toBe(3);
	});

	it('one pace per endpoint (whatever its query) and method, shared by the nodes of one execution', () => {
		const signal = new AbortController().signal;
		const one = { getNode: () => node, getExecutionCancelSignal: () => signal };
		const other = { getNode: () => node, getExecutionCancelSignal: () => signal };
		const pace = paceFor(one, 'c', 'GET', '/api/v1/rooms.info?roomId=1');
		expect(paceFor(one, 'c', 'GET', '/api/v1/rooms.info?roomId=2')).toBe(pace);
		expect(paceFor(other, 'c', 'GET', '/api/v1/rooms.info')).toBe(pace);
		expect(paceFor(one, 'c', 'POST', '/api/v1/rooms.info')).not.toBe(pace);
		expect(paceFor(one, 'c', 'GET', '/api/v1/rooms.delete')).not.toBe(pace);
		expect(paceFor(context, 'c', 'GET', '/api/v1/rooms.info')).not.toBe(pace);
	});

	it('our calls in flight count against Remaining; a call that ends without an answer frees its place', async () => {
		const { pace, turn } = newPace();
		await turn();
		// 3 allowed, 2 remaining: the one counted was ours, so no reserve for others
		leaveTurn(pace, { statusCode: 200, headers: counted(2, time.now + 60_000, 3) });
		expect(pace.reserve).toBe(0);
		await turn();
		await turn(); // both calls Remaining allows are in flight
		let third = false;
		const waiting = turn().then(() => (third = true));
		await settle();
		expect(third).toBe(false);
		leaveTurn(pace); // one of them failed without an answer: not counted by the server
		await waiting;
		expect(third).toBe(true);
		expect(pace.inFlight).toBe(2);
	});

	it('a wait of exactly the budget is allowed; the next call is named in whole seconds from 10 s', async () => {
		const { pace, turn } = newPace();
		await turn();
		leaveTurn(pace, { statusCode: 200, headers: counted(0, time.now + 997) });
		await takeTurn(context, pace, { ms: 0 }, 1000, where); // 997 ms and the 3 ms margin
		expect(time.waits).toEqual([1000]);
		leaveTurn(pace, { statusCode: 200, headers: counted(0, time.now + 9997) });
		await expect(takeTurn(context, pace, { ms: 0 }, 5000, where)).rejects.toMatchObject({
			description: expect.stringContaining(
				'the next call is allowed in 10 s: beyond the 5.0 s an item may wait (the node\'s Options → Timeout, or 5 minutes without it)',
			),
		});
	});

	it('a refusal keeps the limit already known when it names none, and learns no skew from a future reset', () => {
		const { pace } = newPace();
		leaveTurn(pace, { statusCode: 200, headers: counted(5, time.now + 1000, 10) });
		leaveTurn(pace, { statusCode: 429, headers: { 'x-ratelimit-reset': String(time.now + 5000) } });
		expect(pace.limit).toBe(10);
		expect(pace.skewMs).toBe(0);
		leaveTurn(pace, { statusCode: 429, headers: {}, body: { success: false } });
		expect(pace.skewMs).toBe(0);
		// a reset 1 ms ahead is in the future, however close
		leaveTurn(pace, { statusCode: 429, headers: { 'x-ratelimit-reset': String(time.now + 1) } });
		expect(pace.skewMs).toBe(0);
	});

	it('once our clock is known to run ahead, every reset is moved by that much', () => {
		const { pace } = newPace();
		leaveTurn(pace, { statusCode: 429, headers: { 'x-ratelimit-reset': String(time.now - 200) } });
		expect(pace.skewMs).toBe(203);
		leaveTurn(pace, { statusCode: 429, headers: { 'x-ratelimit-reset': String(time.now + 10_000) } });
		expect(pace.resetAt).toBe(time.now + 10_203);
		const counting = newPace().pace;
		counting.skewMs = 203;
		leaveTurn(counting, { statusCode: 200, headers: counted(5, time.now + 20_000) });
		expect(counting.resetAt).toBe(time.now + 20_203);
	});

	it('an uncounted success means the endpoint is no longer limited; an uncounted error changes nothing', () => {
		const { pace } = newPace();
		leaveTurn(pace, { statusCode: 200, headers: counted(5, time.now + 60_000) });
		leaveTurn(pace, { statusCode: 404, headers: {} });
		expect(pace.remaining).toBe(5);
		expect(pace.resetAt).toBe(time.now + 60_000);
		leaveTurn(pace, { statusCode: 200, headers: {} });
		expect(pace.remaining).toBeUndefined();
		expect(pace.resetAt).toBe(0);
	});

	it('counted answers without a limit keep the known one; with none known, no reserve is kept', async () => {
		const { pace } = newPace();
		leaveTurn(pace, { statusCode: 200, headers: counted(5, time.now + 60_000, 10) });
		leaveTurn(pace, {
			statusCode: 200,
			headers: { 'x-ratelimit-remaining': '4', 'x-ratelimit-reset': String(time.now + 60_000) },
		});
		expect(pace.limit).toBe(10);
		const unlimited = newPace();
		await unlimited.turn();
		leaveTurn(unlimited.pace, {
			statusCode: 200,
			headers: { 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': String(time.now + 60_000) },
		});
		expect(unlimited.pace.reserve).toBe(0);
		expect(await unlimited.turn()).toBe(0);
	});

	it('the reserve for others never takes the last call of a window from us', async () => {
		const { pace, turn } = newPace();
		await turn();
		await turn();
		await turn();
		leaveTurn(pace, { statusCode: 200, headers: counted(0, time.now + 60_000, 10) });
		// 10 counted, 1 answered and 2 in flight ours: 7 of others per call of ours, times 3 at once
		expect(pace.reserve).toBe(9);
	});

	it('answers within a quarter window (at most 500 ms) of the reset belong to the same window', () => {
		const { pace } = newPace();
		const reset = time.now + 4000; // a 4 s window: same = 500 ms
		leaveTurn(pace, { statusCode: 200, headers: counted(8, reset) });
		leaveTurn(pace, { statusCode: 200, headers: counted(7, reset + 500) });
		expect(pace.own).toBe(2);
		expect(pace.resetAt).toBe(reset + 500);
		leaveTurn(pace, { statusCode: 200, headers: counted(6, reset) }); // 500 ms before
		expect(pace.own).toBe(3);
		expect(pace.remaining).toBe(6);
	});

	it('an answer exactly a quarter window after the expired reset is still late', async () => {
		const { pace, turn } = newPace();
		const reset = time.now + 4000;
		await turn();
		leaveTurn(pace, { statusCode: 200, headers: counted(0, reset) });
		time.now = reset;
		await turn(); // the window has passed: a new one opens
		expect(pace.expiredAt).toBe(reset);
		leaveTurn(pace, { statusCode: 200, headers: counted(0, reset + 500) });
		expect(pace.remaining).toBe(10);
		expect(pace.resetAt).toBe(0);
	});
});
