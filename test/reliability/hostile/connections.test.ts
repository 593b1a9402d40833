// Dropped connections in the middle of an answer, a server that trickles its answer, rate-limit
// resets in epoch seconds, a rate-limited login, and header values with line breaks.
import type { ServerResponse } from 'http';
import type { INodeParameters } from 'n8n-workflow';

import { fakeClock } from '../../transport/fake-clock';
import { recordSecrets } from '../../harness/secret-log';
import { AUTHS, hostileCredentials, measure, runHostile, SECRETS, useHostile } from './run';
import { answerLogin, HOSTILE, json, type HostileServer, type Received } from './server';

let server: HostileServer;
useHostile('Hostile servers, connections (requests = requests sent):', (started) => (server = started));

const userGet = (options: INodeParameters = {}): INodeParameters => ({ resource: 'user', operation: 'get', user: { __rl: true, mode: 'id', value: 'u1' }, options });
const sendToRoom = { operation: 'send', sendTo: 'room', room: { __rl: true, mode: 'id', value: 'ROOM1' }, text: 'hello', options: {} };

/** Sends the headers and part of the body, then cuts the connection. */
function cutMidBody(res: ServerResponse) {
	const body = JSON.stringify({ success: true, user: { _id: 'u1', username: 'x'.repeat(500) } });
	res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
	res.write(body.slice(0, 100));
	setTimeout(() => res.socket?.destroy(), 20);
}

describe.each(AUTHS)('with the %s credential', (auth) => {
	it('a read cut in the middle of its answer is retried', async () => {
		let cuts = 0;
		server.scenario = (request, res) => {
			if (answerLogin(request, res)) return;
			if (request.path === '/api/v1/users.info' && cuts++ === 0) return cutMidBody(res);
			if (request.path === '/api/v1/users.info') json(res, 200, { success: true, user: { _id: 'u1', username: 'whole' } });
		};
		const started = Date.now();
		const run = await runHostile(server, 'squadusUser', userGet(), { auth, continueOnFail: true });
		measure(`GET cut mid-body once (${auth})`, server.calls().length, started, String(run.json[0].error ?? 'ok'));
		expect(run.json).toEqual([expect.objectContaining({ username: 'whole' })]);
		expect(server.calls('/api/v1/users.info')).toHaveLength(2);
	});

	it('a read cut every time is tried three times in all, then fails', async () => {
		server.scenario = (request, res) => {
			if (answerLogin(request, res)) return;
			if (request.path === '/api/v1/users.info') return cutMidBody(res);
		};
		const run = await runHostile(server, 'squadusUser', userGet(), { auth, continueOnFail: true });
		expect(run.json[0].error).toBe('The connection to Squadus was closed before it answered');
		expect(server.calls('/api/v1/users.info')).toHaveLength(3);
	});

	it('a write cut in the middle of its answer fails with the note that it may have been carried out', async () => {
		server.scenario = (request, res) => {
			if (answerLogin(request, res)) return;
			if (request.path === '/api/v1/chat.postMessage') cutMidBody(res);
		};
		const started = Date.now();
		const run = await runHostile(server, 'squadusChat', sendToRoom, { auth, continueOnFail: true });
		measure(`POST cut mid-body (${auth})`, server.calls().length, started, String(run.json[0].error));
		expect(run.json[0].error).toBe('The connection to Squadus was closed before it answered');
		expect(run.json[0].description).toMatch(/not sent again, because Squadus may already have carried it out/);
		expect(server.calls('/api/v1/chat.postMessage')).toHaveLength(1);
	});

	it('Timeout is a deadline for the whole answer, not an idle timer', async () => {
		let finished = false;
		let closedEarly = false;
		server.scenario = (request, res) => {
			if (answerLogin(request, res)) return;
			if (request.path !== '/api/v1/users.info') return;
			// A valid answer, then one byte of white space every 100 ms for 4 s.
			res.writeHead(200, { 'content-type': 'application/json' });
			res.write(JSON.stringify({ success: true, user: { _id: 'u1' } }));
			let sent = 0;
			res.on('close', () => {
				closedEarly = !finished;
				clearInterval(timer);
			});
			const timer = setInterval(() => {
				if (res.destroyed) return;
				res.write(' ');
				if (++sent === 40) {
					finished = true;
					clearInterval(timer);
					res.end();
				}
			}, 100);
		};
		const started = Date.now();
		const run = await runHostile(server, 'squadusUser', userGet({ timeout: 500 }), { auth, continueOnFail: true });
		const seconds = (Date.now() - started) / 1000;
		measure(`trickled answer, Timeout 500 ms (${auth})`, server.calls().length, started, `${run.json[0].error ?? 'ok'}`);
		// wait for the server to notice the closed connection (or finish)
		for (let i = 0; i < 50 && !closedEarly && !finished; i++) await new Promise((resolve) => setTimeout(resolve, 100));
		expect(run.json[0].error).toBe('Squadus did not answer within 0.5 s');
		expect(closedEarly).toBe(true);
		expect(finished).toBe(false);
		expect(seconds).toBeGreaterThan(0); // the figure itself is printed, not asserted
	});

	it('X-RateLimit-Reset in epoch seconds is waited out until the reset', async () => {
		let resetAt = 0;
		server.scenario = (request, res) => {
			if (answerLogin(request, res)) return;
			if (request.path !== '/api/v1/users.info') return;
			if (resetAt === 0) {
				const seconds = Math.ceil(Date.now() / 1000) + 1;
				resetAt = seconds * 1000;
				return json(res, 429, { success: false, error: 'Too many requests' }, { 'x-ratelimit-reset': String(seconds) });
			}
			json(res, 200, { success: true, user: { _id: 'u1', arrivedAfterReset: Date.now() >= resetAt - 5 } });
		};
		const started = Date.now();
		const run = await runHostile(server, 'squadusUser', userGet(), { auth, continueOnFail: true });
		measure(`429 with reset in epoch seconds (${auth})`, server.calls().length, started, `retried after the reset: ${run.json[0].arrivedAfterReset}`);
		expect(run.json[0]).toEqual(expect.objectContaining({ _id: 'u1', arrivedAfterReset: true }));
	});
});

it('bare 429s (no reset, no wait in the message) are waited out 1 s, then 2 s: a backoff by refusals in a row', async () => {
	let refusals = 0;
	server.scenario = (request: Received, res) => {
		if (request.path !== '/api/v1/users.info') return;
		if (refusals++ < 2) return json(res, 429, { success: false, error: 'Too Many Requests' });
		json(res, 200, { success: true, user: { _id: 'u1' } });
	};
	const time = fakeClock(Date.now());
	const run = await runHostile(server, 'squadusUser', userGet(), { auth: 'accessToken' }).finally(() => time.restore());
	expect(run.nodeError).toBeUndefined();
	expect(run.json).toEqual([expect.objectContaining({ _id: 'u1' })]);
	expect(server.calls()).toHaveLength(3);
	// each wait ends 3 ms after the window the refusal implies
	expect(time.waits).toEqual([1003, 2003]);
});

it.each([
	// the refusal's wait, then the two backoffs of a read after a 5xx
	["a 429 does not use up a read's tries", [429, 500, 500], [1003, 200, 400]],
	// only 429s count as refusals in a row: after a 500 a bare 429 is waited 1 s, not 2 s
	['a 500 is not a refusal in a row', [500, 429], [200, 1003]],
])('%s: %j, then the answer', async (_case, statuses, waits) => {
	const answers = [...statuses];
	server.scenario = (request, res) => {
		if (answerLogin(request, res)) return;
		if (request.path !== '/api/v1/users.info') return;
		const status = answers.shift();
		if (status === undefined) return json(res, 200, { success: true, user: { _id: 'u1' } });
		json(res, status, { success: false, error: status === 429 ? 'Too Many Requests' : 'Internal error' });
	};
	const time = fakeClock(Date.now());
	const run = await runHostile(server, 'squadusUser', userGet(), { auth: 'accessToken' }).finally(() => time.restore());
	expect(run.nodeError).toBeUndefined();
	expect(run.json).toEqual([expect.objectContaining({ _id: 'u1' })]);
	expect(server.calls()).toHaveLength(statuses.length + 1);
	expect(time.waits).toEqual(waits);
});

/** The first login is refused with a 429 (reset in 300 ms); the rest is answered. */
function firstLoginRateLimited(): (request: Received, res: ServerResponse) => void {
	let logins = 0;
	return (request, res) => {
		if (request.path === '/api/v1/login' && logins++ === 0) {
			return json(res, 429, { status: 'error', error: 'Too many requests' }, { 'x-ratelimit-reset': String(Date.now() + 300) });
		}
		if (answerLogin(request, res)) return;
		if (request.path === '/api/v1/users.info') json(res, 200, { success: true, user: { _id: 'u1' } });
	};
}

it('a rate-limited login is waited out like any other request', async () => {
	server.scenario = firstLoginRateLimited();
	const started = Date.now();
	const run = await runHostile(server, 'squadusUser', userGet(), { auth: 'password', continueOnFail: true });
	measure('429 on the login (password)', server.received.length, started, String(run.json[0].error ?? 'ok'));
	expect(run.json).toEqual([expect.objectContaining({ _id: 'u1' })]);
	expect(server.received.filter((request) => request.path === '/api/v1/login')).toHaveLength(2);
});

it("a rate-limited Log In (the Auth node's own login) is waited out, then logs in", async () => {
	server.scenario = firstLoginRateLimited();
	// the session is what Log In outputs, the one secret the suite-wide scan allows there
	recordSecrets(SECRETS, [HOSTILE.session]);
	const started = Date.now();
	const run = await runHostile(
		server,
		'squadusAuth',
		{ operation: 'login', user: HOSTILE.user, password: HOSTILE.password },
		{ auth: 'accessToken' },
	);
	measure('429 on the Auth node\'s Log In', server.received.length, started, run.nodeError?.message ?? 'ok');
	expect(run.nodeError).toBeUndefined();
	expect(run.json).toEqual([expect.objectContaining({ userId: HOSTILE.userId })]);
	expect(server.received.filter((request) => request.path === '/api/v1/login')).toHaveLength(2);
});

it.each([
	['Personal Access Token', { accessToken: `${HOSTILE.accessToken}\r\nX-Injected: 1` }],
	['User ID', { userId: `${HOSTILE.userId}\n` }],
	['Personal Access Token', { accessToken: `${HOSTILE.accessToken}\u0000` }],
])('a line break or NUL in the %s is refused, naming the field', async (field, change) => {
	server.scenario = (request, res) => {
		if (request.path === '/api/v1/users.info') json(res, 200, { success: true, user: { _id: 'u1' } });
	};
	const started = Date.now();
	const run = await runHostile(server, 'squadusUser', userGet(), {
		auth: 'accessToken',
		credentials: { ...hostileCredentials(server.url, 'accessToken'), ...change },
	});
	measure(`control character in the ${field}`, server.received.length, started, run.nodeError?.message ?? 'sent');
	expect(run.nodeError!.message).toContain(`The credential's ${field} contains a line break`);
	expect(server.received).toEqual([]);
});

it('a data: Server Address is refused', async () => {
	const address = `data:application/json,${encodeURIComponent(JSON.stringify({ success: true, user: { _id: 'garbage' } }))}`;
	const run = await runHostile(address, 'squadusUser', userGet(), { auth: 'accessToken', continueOnFail: true });
	measure('data: Server Address', 0, Date.now(), String(run.json[0].error ?? JSON.stringify(run.json[0])));
	expect(run.json[0].error).toMatch(/Server Address must start with https:\/\/ or http:\/\//);
});
