// No secret in any error: a server that echoes what it was sent (JSON, nested, HTML, plain
// text) gets every known secret replaced with [redacted] in the error message, description,
// errorResponse (saved in the execution) and the Continue On Fail item.
import { AUTHS, hostileCredentials, leaked, measure, runHostile, useHostile } from './run';
import { answerLogin, HOSTILE, json, type HostileServer, type Received } from './server';

let server: HostileServer;
useHostile('Hostile servers, echoed secrets (requests = requests sent):', (started) => (server = started));

const echo = (request: Received) => `headers ${JSON.stringify(request.headers)} body ${request.body}`;
const ECHOES: Record<string, (request: Received, res: import('http').ServerResponse) => void> = {
	'JSON error': (request, res) => json(res, 400, { success: false, error: `Bad request: ${echo(request)}` }),
	'nested field': (request, res) =>
		json(res, 400, { success: false, error: 'Bad request', details: { request: { headers: request.headers, body: request.body } } }),
	'HTML page': (request, res) => {
		res.writeHead(500, { 'content-type': 'text/html' });
		res.end(`<html><body><h1>Error</h1><pre>${echo(request)}</pre></body></html>`);
	},
	'HTML page answered with 200': (request, res) => {
		res.writeHead(200, { 'content-type': 'text/html' });
		res.end(`<pre>${echo(request).slice(0, 40)}${JSON.stringify(request.headers)}</pre>`);
	},
	'plain text': (request, res) => {
		res.writeHead(400, { 'content-type': 'text/plain' });
		res.end(`error: ${echo(request)}`);
	},
};

const userGet = { resource: 'user', operation: 'get', user: { __rl: true, mode: 'id', value: 'u1' }, options: {} };

describe.each(AUTHS)('with the %s credential', (auth) => {
	it.each(Object.keys(ECHOES))('an API error that echoes the request (%s) shows no secret', async (kind) => {
		server.scenario = (request, res) => {
			if (answerLogin(request, res)) return;
			ECHOES[kind](request, res);
		};
		for (const continueOnFail of [false, true]) {
			const started = Date.now();
			const run = await runHostile(server, 'squadusUser', userGet, { auth, continueOnFail });
			const found = leaked(run.shown);
			measure(`${kind} echo (${auth}${continueOnFail ? ', Continue On Fail' : ''})`, server.received.length, started, `secrets shown: ${found.length}`);
			expect(found).toEqual([]);
			// The server's own words stay, with the secrets taken out.
			if (kind === 'JSON error' || kind.endsWith('200')) expect(run.shown).toContain('[redacted]');
			if (continueOnFail) expect(run.json).toEqual([expect.objectContaining({ error: expect.any(String) })]);
			else expect(run.nodeError).toBeDefined();
			server.received.length = 0;
		}
	});
});

it.each([400, 500])('a password login answered %i with an echo of the request shows no password', async (status) => {
	server.scenario = (request, res) => {
		if (request.path === '/api/v1/login') return json(res, status, { status: 'error', error: `Cannot log in ${request.body}`, request: { body: JSON.parse(request.body) } });
	};
	const started = Date.now();
	const run = await runHostile(server, 'squadusUser', userGet, { auth: 'password', continueOnFail: true });
	const found = leaked(run.shown);
	measure(`login ${status} echo (password)`, server.received.length, started, `secrets shown: ${found.length}`);
	expect(found).toEqual([]);
	expect(run.json).toHaveLength(1);
});

it('the Auth node’s Log In answered 400 with an echo shows neither the password nor the code', async () => {
	const code = '918273';
	server.scenario = (request, res) => {
		if (request.path === '/api/v1/login') return json(res, 400, { success: false, error: 'invalid', message: `rejected ${request.body}`, echo: JSON.parse(request.body) });
		answerLogin(request, res);
	};
	for (const continueOnFail of [false, true]) {
		const started = Date.now();
		const run = await runHostile(server, 'squadusAuth', { operation: 'login', user: 'someone', password: HOSTILE.password, options: { code } }, { auth: 'accessToken', continueOnFail });
		const found = leaked(run.shown, [HOSTILE.password, code, HOSTILE.accessToken]);
		measure(`Auth node Log In 400 echo${continueOnFail ? ' (Continue On Fail)' : ''}`, server.received.length, started, `secrets shown: ${found.length}`);
		expect(found).toEqual([]);
		server.received.length = 0;
	}
});

it('a password inside the Server Address is refused and not repeated', async () => {
	const secret = 'Addr3ss-Secret-9911';
	const closed = 'http://127.0.0.1:9'; // nothing listens there
	for (const address of [server.url, closed]) {
		const withUserinfo = address.replace('http://', `http://bob:${secret}@`);
		const started = Date.now();
		const run = await runHostile(withUserinfo, 'squadusUser', userGet, {
			auth: 'accessToken',
			credentials: { ...hostileCredentials(withUserinfo, 'accessToken') },
		});
		const found = leaked(run.shown, [secret]);
		measure(`userinfo in the Server Address (${address === closed ? 'closed port' : 'open server'})`, server.received.length, started, `secrets shown: ${found.length}`);
		expect(found).toEqual([]);
		expect(run.nodeError!.message).toMatch(/Server Address must not contain a username or password/);
		expect(server.received).toEqual([]);
	}
});
