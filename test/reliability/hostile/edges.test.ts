// Edges of the transport that a real server rarely shows: an answer with no body, an OAuth2
// exchange that fails on Squadus' side, and a provider token endpoint that redirects to itself.
import { hostileCredentials, measure, runHostile, useHostile } from './run';
import { answerLogin, json, startHostile, type HostileServer } from './server';

let server: HostileServer;
useHostile('Hostile servers, edges (requests = requests sent):', (started) => (server = started));

const userGet = {
	resource: 'user',
	operation: 'get',
	user: { __rl: true, mode: 'id', value: 'u1' },
	options: {},
};
const channelDelete = { operation: 'delete', channel: { __rl: true, mode: 'id', value: 'C1' } };
const EXCHANGE = '/api/v1/method.callAnon/login';

it.each([200, 204])(
	'an answer %i with no body is a success, not an answer that is not JSON',
	async (status) => {
		server.scenario = (request, res) => {
			if (answerLogin(request, res)) return;
			if (request.path === '/api/v1/channels.delete') {
				res.writeHead(status, status === 200 ? { 'content-type': 'application/json' } : {});
				res.end();
			}
		};
		const started = Date.now();
		const run = await runHostile(server, 'squadusChannel', channelDelete);
		measure(
			`empty ${status} answer to Channel Delete`,
			server.calls().length,
			started,
			JSON.stringify(run.json),
		);
		expect(run.nodeError).toBeUndefined();
		expect(run.json).toEqual([{ deleted: true }]);
		expect(server.calls('/api/v1/channels.delete')).toHaveLength(1);
	},
);

it("an answer 200 that says success: false is an error with Squadus' own words", async () => {
	server.scenario = (request, res) => {
		if (answerLogin(request, res)) return;
		if (request.path === '/api/v1/users.info') {
			return json(res, 200, { success: false, error: 'User not found. [error-invalid-user]', errorType: 'error-invalid-user' });
		}
	};
	const run = await runHostile(server, 'squadusUser', userGet, { continueOnFail: true });
	expect(run.json).toHaveLength(1);
	expect(String(run.json[0].error)).toMatch(/User not found/);
	expect(run.json[0]).not.toHaveProperty('success');
	expect(server.calls('/api/v1/users.info')).toHaveLength(1);
});

describe('OAuth2: the exchange of the provider token fails on the Squadus side', () => {
	it("with a message: the error carries Squadus' own words", async () => {
		server.scenario = (request, res) => {
			if (request.path === EXCHANGE)
				return json(res, 500, { success: false, error: 'OAuth service keycloak is disabled' });
		};
		const run = await runHostile(server, 'squadusUser', userGet, { auth: 'oAuth2' });
		expect(run.nodeError!.message).toBe('OAuth service keycloak is disabled');
		expect(run.nodeError!.description).toBe(
			'The exchange of the OAuth2 token for a Squadus session failed. Check the Server Address in the credential.',
		);
		// neither a refresh (a 5xx is not a refused token) nor the request itself
		expect(server.received.filter((r) => r.path === '/oauth/token')).toEqual([]);
		expect(server.calls('/api/v1/users.info')).toEqual([]);
	});

	it('without a message: the error names the HTTP status', async () => {
		server.scenario = (request, res) => {
			if (request.path === EXCHANGE) {
				res.writeHead(502, { 'content-type': 'text/html' });
				res.end('');
			}
		};
		const run = await runHostile(server, 'squadusUser', userGet, {
			auth: 'oAuth2',
			continueOnFail: true,
		});
		expect(run.json).toEqual([
			expect.objectContaining({ error: 'Squadus answered the OAuth login with HTTP 502' }),
		]);
		expect(server.calls('/api/v1/users.info')).toEqual([]);
	});
});

it('OAuth2: a token endpoint that redirects to itself in a loop is reported as a loop, and gets no refresh token', async () => {
	// Squadus refuses the provider's token, so the nodes ask n8n to refresh it.
	server.scenario = (request, res) => {
		if (request.path === EXCHANGE) return json(res, 401, { success: false, error: 'expired' });
		if (request.path === '/oauth/token') {
			res.writeHead(307, { location: `${server.url}/oauth/token` });
			return res.end();
		}
	};
	const started = Date.now();
	const run = await runHostile(server, 'squadusUser', userGet, { auth: 'oAuth2' });
	const tokenCalls = server.received.filter((r) => r.path === '/oauth/token');
	measure(
		'token endpoint redirecting to itself (OAuth2 refresh)',
		tokenCalls.length,
		started,
		run.nodeError?.message,
	);
	expect(run.nodeError!.message).toBe("The OAuth2 provider's Access Token URL redirects in a loop");
	expect(run.nodeError!.description).toMatch(
		/^n8n did not ask for a new token\. Check the Access Token URL/,
	);
	// only the empty probes, each without a grant, a refresh token or the client secret
	expect(tokenCalls.length).toBeGreaterThan(1);
	for (const call of tokenCalls) {
		expect(call.body).not.toMatch(/grant_type|refresh/);
		expect(call.headers.authorization).toBeUndefined();
	}
});

it("OAuth2: an unreachable token endpoint is left to n8n's refresh, which reports it (not as a redirect)", async () => {
	server.scenario = (request, res) => {
		if (request.path === EXCHANGE) return json(res, 401, { success: false, error: 'expired' });
	};
	// a port that was free a moment ago: nothing listens there
	const closed = await startHostile();
	const port = new URL(closed.url).port;
	await closed.close();
	const credentials = {
		...hostileCredentials(server.url, 'oAuth2'),
		accessTokenUrl: `http://127.0.0.1:${port}/oauth/token`,
	};
	const run = await runHostile(server, 'squadusUser', userGet, { auth: 'oAuth2', credentials });
	expect(run.nodeError!.message).toBe('Could not get a new access token from the OAuth2 provider');
	expect(run.nodeError!.description).toBe(
		`connect ECONNREFUSED 127.0.0.1:${port}. Open the credential and reconnect it (for Client Credentials: check the Client ID, Client Secret and Access Token URL).`,
	);
	expect(server.calls('/api/v1/users.info')).toEqual([]);
});

it("OAuth2: the node's Timeout also ends an exchange of the provider token that hangs", async () => {
	server.scenario = (request, res) => {
		if (request.path === EXCHANGE) {
			// answers only after 3 s (or not at all when the client has gone)
			return new Promise<void>((resolve) => {
				const timer = setTimeout(() => resolve(void answerLogin(request, res)), 3000);
				res.on('close', () => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
		if (request.path === '/api/v1/users.info') json(res, 200, { success: true, user: { _id: 'u1' } });
		return undefined;
	};
	const started = Date.now();
	const run = await runHostile(server, 'squadusUser', { ...userGet, options: { timeout: 300 } }, { auth: 'oAuth2' });
	measure('exchange hanging 3 s, Timeout 300 ms (OAuth2)', server.received.length, started, run.nodeError?.message);
	expect(run.nodeError!.message).toBe('Squadus did not answer within 0.3 s');
	// ended by the Timeout, not answered after 3 s
	expect(server.calls('/api/v1/users.info')).toEqual([]);
});

it('OAuth2: a credential that was never connected (no token data) asks to connect it, and sends nothing to Squadus', async () => {
	server.scenario = (request, res) => {
		if (answerLogin(request, res)) return;
		if (request.path === '/api/v1/users.info') json(res, 200, { success: true, user: { _id: 'u1' } });
	};
	const credentials = hostileCredentials(server.url, 'oAuth2');
	delete credentials.oauthTokenData;
	const started = Date.now();
	const run = await runHostile(server, 'squadusUser', userGet, { auth: 'oAuth2', credentials });
	measure('OAuth2 credential never connected', server.received.length, started, run.nodeError?.message);
	expect(run.nodeError!.message).toBe('The OAuth2 credential has no access token');
	expect(server.received.filter((request) => request.path.startsWith('/api/'))).toEqual([]);
});
