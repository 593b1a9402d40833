// One origin: no credential, password or token follows a redirect to another server, from any
// request: API calls, the password login, the OAuth exchange, the Auth node's login, file
// downloads and the credential test. Same-origin redirects still work.
import { readFileSync } from 'fs';
import https from 'https';
import type { AddressInfo } from 'net';

import { TLS_CERT_PATH, TLS_KEY_PATH } from '../../sandbox';
import { AUTHS, figures, hostileCredentials, measure, printFigures, runHostile, testHostileCredential } from './run';
import { answerLogin, HOSTILE, json, startHostile, type HostileServer } from './server';

let evil: HostileServer;
let server: HostileServer;
beforeAll(async () => {
	evil = await startHostile((_request, res) => json(res, 200, { success: true, stolen: true }));
	server = await startHostile();
});
afterAll(async () => {
	printFigures('Hostile servers, one origin (requests = requests that reached the other server):');
	await Promise.all([evil.close(), server.close()]);
});
beforeEach(() => {
	evil.received.length = 0;
	server.received.length = 0;
});

const redirectTo = (status: number, path: string, location: () => string) =>
	(request: { method: string; path: string }, res: import('http').ServerResponse) => {
		if (request.path === path) {
			res.writeHead(status, { location: location() });
			res.end();
			return;
		}
		answerLogin(request as never, res);
	};

const userGet = { resource: 'user', operation: 'get', user: { __rl: true, mode: 'id', value: 'u1' }, options: {} };
const sendToRoom = { operation: 'send', sendTo: 'room', room: { __rl: true, mode: 'id', value: 'ROOM1' }, text: 'hello', options: {} };

function expectNotFollowed(message: string, description: string | undefined) {
	expect(message).toContain(evil.origin);
	expect(description).toMatch(/was not sent there, and neither was the credential/);
	expect(evil.received).toEqual([]);
}

describe.each(AUTHS)('with the %s credential', (auth) => {
	it('a 302 on a read is not followed to another origin', async () => {
		server.scenario = redirectTo(302, '/api/v1/users.info', () => `${evil.url}/collect`);
		const started = Date.now();
		const run = await runHostile(server, 'squadusUser', userGet, { auth });
		measure(`302 on GET users.info (${auth})`, evil.received.length, started);
		expectNotFollowed(run.nodeError!.message, run.nodeError!.description ?? undefined);
	});

	it('a 307 and a 308 on a write are not followed, so the body is not posted elsewhere', async () => {
		for (const status of [307, 308]) {
			server.scenario = redirectTo(status, '/api/v1/chat.postMessage', () => `${evil.url}/api/v1/chat.postMessage`);
			const started = Date.now();
			const run = await runHostile(server, 'squadusChat', sendToRoom, { auth, continueOnFail: true });
			measure(`${status} on POST chat.postMessage (${auth})`, evil.received.length, started);
			expect(run.json).toHaveLength(1);
			expectNotFollowed(String(run.json[0].error), String(run.json[0].description));
		}
	});

	it('a file download redirected to another origin is not followed', async () => {
		server.scenario = (request, res) => {
			if (request.path === '/api/v1/channels.files') {
				return json(res, 200, { success: true, files: [{ _id: 'f1', name: 'a.txt', type: 'text/plain', url: '/file-upload/f1/a.txt' }], total: 1 });
			}
			if (request.path === '/file-upload/f1/a.txt') {
				res.writeHead(302, { location: `${evil.url}/file-upload/f1/a.txt` });
				return res.end();
			}
			answerLogin(request, res);
		};
		const started = Date.now();
		const run = await runHostile(server, 'squadusChannel', {
			operation: 'getFiles',
			channel: { __rl: true, mode: 'id', value: 'ROOM1' },
			returnAll: true,
			download: true,
			binaryPropertyName: 'data',
			filters: {},
		}, { auth });
		measure(`302 on a file download (${auth})`, evil.received.length, started);
		expectNotFollowed(run.nodeError!.message, run.nodeError!.description ?? undefined);
	});

	it('a redirect on the same origin is followed', async () => {
		server.scenario = (request, res) => {
			if (request.path === '/api/v1/users.info') {
				res.writeHead(302, { location: '/squadus/api/v1/users.info?userId=u1' });
				return res.end();
			}
			if (request.path === '/squadus/api/v1/users.info') {
				return json(res, 200, { success: true, user: { _id: 'u1', username: 'moved' } });
			}
			answerLogin(request, res);
		};
		const run = await runHostile(server, 'squadusUser', userGet, { auth });
		expect(run.nodeError).toBeUndefined();
		expect(run.json).toEqual([expect.objectContaining({ _id: 'u1', username: 'moved' })]);
		const moved = server.calls('/squadus/api/v1/users.info');
		expect(moved).toHaveLength(1);
		expect(moved[0].headers['x-auth-token']).toBe(auth === 'accessToken' ? HOSTILE.accessToken : HOSTILE.session);
	});
});

it.each(['password', 'accessToken'] as const)('the credential test (%s) is not redirected to another origin', async (auth) => {
	server.scenario = redirectTo(302, '/api/v1/me', () => `${evil.url}/api/v1/me`);
	const started = Date.now();
	const result = await testHostileCredential(server.url, auth);
	measure(`302 on the credential test GET me (${auth})`, evil.received.length, started);
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/redirect/i);
	expect(evil.received).toEqual([]);
});

it('a 307 on POST /login does not re-post the password to another origin', async () => {
	for (const status of [307, 308]) {
		evil.received.length = 0;
		server.scenario = redirectTo(status, '/api/v1/login', () => `${evil.url}/api/v1/login`);
		const started = Date.now();
		const run = await runHostile(server, 'squadusUser', userGet, { auth: 'password' });
		measure(`${status} on POST login (password)`, evil.received.length, started, `password reached the other server: ${evil.received.some((r) => r.body.includes(HOSTILE.password))}`);
		expect(run.nodeError!.message).toContain(evil.origin);
		expect(evil.received).toEqual([]);
	}
});

it('a 307 on the OAuth exchange does not re-post the provider’s access token', async () => {
	server.scenario = redirectTo(307, '/api/v1/method.callAnon/login', () => `${evil.url}/api/v1/method.callAnon/login`);
	const started = Date.now();
	const run = await runHostile(server, 'squadusUser', userGet, { auth: 'oAuth2' });
	measure('307 on POST method.callAnon/login (OAuth2)', evil.received.length, started, `access token reached the other server: ${evil.received.some((r) => r.body.includes(HOSTILE.oauthAccess))}`);
	expect(run.nodeError).toBeDefined();
	expect(`${run.nodeError!.message} ${run.nodeError!.description}`).toContain(evil.origin);
	expect(evil.received).toEqual([]);
});

it('a 307 on the Auth node’s Log In does not re-post the password it was given', async () => {
	server.scenario = redirectTo(307, '/api/v1/login', () => `${evil.url}/api/v1/login`);
	const started = Date.now();
	const run = await runHostile(server, 'squadusAuth', {
		operation: 'login',
		user: 'someone',
		password: HOSTILE.password,
		options: {},
	}, { auth: 'accessToken', continueOnFail: true });
	measure('307 on the Auth node Log In', evil.received.length, started);
	expect(String(run.json[0].error)).toContain(evil.origin);
	expect(evil.received).toEqual([]);
});

afterAll(() => expect(figures.length).toBeGreaterThan(0));

it('a token endpoint that redirects to another origin gets no refresh token or client secret', async () => {
	// Squadus refuses the provider's token, so the nodes ask n8n to refresh it.
	server.scenario = (request, res) => {
		if (request.path === '/api/v1/method.callAnon/login') return json(res, 401, { success: false, error: 'expired' });
		if (request.path === '/oauth/token') {
			res.writeHead(307, { location: `${evil.url}/oauth/token` });
			return res.end();
		}
	};
	const started = Date.now();
	const run = await runHostile(server, 'squadusUser', userGet, { auth: 'oAuth2' });
	const stolen = evil.received.some((r) => r.body.includes(HOSTILE.oauthRefresh) || JSON.stringify(r.headers).includes(Buffer.from(`n8n:${HOSTILE.clientSecret}`).toString('base64')));
	measure('307 on the provider token endpoint (OAuth2 refresh)', evil.received.length, started, `refresh token or client secret reached the other server: ${stolen}`);
	expect(run.nodeError!.message).toBe(
		`The OAuth2 provider's Access Token URL redirects to another server (${evil.origin})`,
	);
	expect(run.nodeError!.description).toMatch(
		/^n8n did not ask for a new token, so no refresh token or client secret was sent there\./,
	);
	expect(evil.received).toEqual([]);
});

it('an HTTPS token endpoint trusted with Ignore SSL Issues that redirects to another origin gets no refresh token', async () => {
	// The provider's certificate is self-signed and the credential says to accept it: the
	// probe before the refresh must accept it too, or it would not see the redirect and
	// n8n-core's refresh would follow it with the refresh token and the client secret.
	const provider = https.createServer(
		{ key: readFileSync(TLS_KEY_PATH), cert: readFileSync(TLS_CERT_PATH) },
		(req, res) => {
			req.resume();
			res.writeHead(307, { location: `${evil.url}/oauth/token` });
			res.end();
		},
	);
	await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
	try {
		const { port } = provider.address() as AddressInfo;
		server.scenario = (request, res) => {
			if (request.path === '/api/v1/method.callAnon/login') return json(res, 401, { success: false, error: 'expired' });
		};
		const credentials = {
			...hostileCredentials(server.url, 'oAuth2'),
			accessTokenUrl: `https://127.0.0.1:${port}/oauth/token`,
			ignoreSslIssues: true,
			ignoreSSLIssues: true,
		};
		const run = await runHostile(server, 'squadusUser', userGet, { auth: 'oAuth2', credentials });
		expect(run.nodeError!.message).toBe(
			`The OAuth2 provider's Access Token URL redirects to another server (${evil.origin})`,
		);
		expect(evil.received).toEqual([]);
	} finally {
		provider.closeAllConnections();
		await new Promise<void>((resolve) => provider.close(() => resolve()));
	}
});

it('Client Credentials: the request that makes n8n fetch the provider token follows no redirect to another origin', async () => {
	server.scenario = (request, res) => {
		if (request.path === '/oauth/token') {
			return json(res, 200, { access_token: HOSTILE.oauthAccess, token_type: 'Bearer', expires_in: 3600 });
		}
		if (request.path === '/api/v1/me') {
			res.writeHead(307, { location: `${evil.url}/api/v1/me` });
			return res.end();
		}
		answerLogin(request, res);
	};
	const credentials = hostileCredentials(server.url, 'oAuth2');
	credentials.grantType = 'clientCredentials';
	delete credentials.oauthTokenData; // no token yet: n8n fetches one
	await runHostile(server, 'squadusUser', userGet, { auth: 'oAuth2', credentials });
	// n8n fetched the token and sent it with GET /me, which redirected; nothing went further
	expect(server.received.filter((r) => r.path === '/api/v1/me')).toHaveLength(1);
	expect(server.received.find((r) => r.path === '/api/v1/me')!.headers.authorization).toBe(`Bearer ${HOSTILE.oauthAccess}`);
	expect(evil.received).toEqual([]);
});
