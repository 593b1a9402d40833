import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';

import { chainWorkflow, CredentialStore, runWorkflow } from '.';
import { headerCredential, sessionCredential, ThrowawayEcho } from './fixtures/throwaway';

interface Seen {
	path: string;
	headers: IncomingMessage['headers'];
}

describe('test harness (n8n-core WorkflowExecute)', () => {
	let server: Server;
	let baseUrl: string;
	const seen: Seen[] = [];
	let logins = 0;
	let validToken = '';

	beforeAll(async () => {
		server = createServer((req, res) => {
			const url = new URL(req.url!, 'http://x');
			seen.push({ path: url.pathname, headers: req.headers });
			const send = (status: number, body: unknown) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(body));
			};
			if (url.pathname === '/login') {
				logins++;
				validToken = `session-${logins}`;
				return send(200, { token: validToken });
			}
			if (url.pathname === '/echo') {
				return send(200, { item: Number(url.searchParams.get('item')), key: req.headers['x-api-key'] });
			}
			if (url.pathname === '/session') {
				if (req.headers['x-session'] !== validToken) return send(401, { message: 'expired' });
				// Which login's session was used, without echoing the token itself.
				return send(200, { item: Number(url.searchParams.get('item')), login: logins });
			}
			send(404, { message: 'not found' });
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(() => new Promise((resolve) => server.close(resolve)));
	beforeEach(() => {
		seen.length = 0;
	});

	const options = (credentials: Record<string, Record<string, string>> | CredentialStore) => ({
		credentials,
		nodeTypes: { 'test.throwawayEcho': new ThrowawayEcho() },
		credentialTypes: { throwawayHeaderApi: headerCredential, throwawaySessionApi: sessionCredential },
	});

	it('applies a generic header authenticate block and keeps pairedItem', async () => {
		const workflow = chainWorkflow({
			name: 'Echo',
			type: 'test.throwawayEcho',
			parameters: { credentialType: 'throwawayHeaderApi' },
			credentials: { throwawayHeaderApi: { id: '1', name: 'Header creds' } },
		});
		const result = await runWorkflow(workflow, {
			...options({ 'Header creds': { baseUrl, apiKey: 'k-123' } }),
			input: [{ a: 1 }, { a: 2 }, { a: 3 }],
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs.Echo.map((item) => item.json)).toEqual([
			{ item: 0, key: 'k-123' },
			{ item: 1, key: 'k-123' },
			{ item: 2, key: 'k-123' },
		]);
		expect(result.outputs.Echo.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(seen.map((request) => request.headers['x-api-key'])).toEqual(['k-123', 'k-123', 'k-123']);
	});

	it('logs in once through preAuthentication for many items and reuses the session across runs', async () => {
		logins = 0;
		const store = new CredentialStore({ Session: { baseUrl, password: 'pw', sessionToken: '' } });
		const workflow = chainWorkflow({
			name: 'Echo',
			type: 'test.throwawayEcho',
			parameters: { credentialType: 'throwawaySessionApi', path: '/session' },
			credentials: { throwawaySessionApi: { id: '2', name: 'Session' } },
		});
		const input = Array.from({ length: 10 }, (_, i) => ({ i }));
		const first = await runWorkflow(workflow, { ...options(store), input });
		expect(first.error).toBeUndefined();
		expect(first.outputs.Echo).toHaveLength(10);
		expect(logins).toBe(1);
		expect(store.get('Session')?.sessionToken).toBe('session-1');

		const second = await runWorkflow(workflow, { ...options(store), input });
		expect(second.outputs.Echo).toHaveLength(10);
		expect(logins).toBe(1);
	});

	it('logs in again exactly once after a 401, then retries the request', async () => {
		logins = 0;
		const store = new CredentialStore({ Session: { baseUrl, password: 'pw', sessionToken: 'stale' } });
		const workflow = chainWorkflow({
			name: 'Echo',
			type: 'test.throwawayEcho',
			parameters: { credentialType: 'throwawaySessionApi', path: '/session' },
			credentials: { throwawaySessionApi: { id: '2', name: 'Session' } },
		});
		const result = await runWorkflow(workflow, { ...options(store), input: [{}, {}, {}, {}] });
		expect(result.error).toBeUndefined();
		expect(logins).toBe(1);
		expect(result.outputs.Echo.map((item) => item.json.login)).toEqual([1, 1, 1, 1]);
		// one rejected call with the stale token, one login, then four good calls
		expect(seen.map((request) => request.path)).toEqual([
			'/session',
			'/login',
			'/session',
			'/session',
			'/session',
			'/session',
		]);
	});

	it('turns a node error into an error item with Continue On Fail, and stops the run without it', async () => {
		const spec = {
			name: 'Echo',
			type: 'test.throwawayEcho',
			parameters: { credentialType: 'throwawayHeaderApi' },
			credentials: { throwawayHeaderApi: { id: '1', name: 'Header creds' } },
		};
		const input = [{}, { fail: true }, {}];
		const creds = { 'Header creds': { baseUrl, apiKey: 'k' } };

		const tolerant = await runWorkflow(chainWorkflow({ ...spec, continueOnFail: true }), {
			...options(creds),
			input,
		});
		expect(tolerant.error).toBeUndefined();
		expect(tolerant.outputs.Echo).toHaveLength(3);
		expect(tolerant.outputs.Echo[1]).toEqual({ json: { error: 'Item 1 asked to fail' }, pairedItem: { item: 1 } });

		const strict = await runWorkflow(chainWorkflow(spec), { ...options(creds), input });
		expect(strict.errors.Echo?.message).toBe('Item 1 asked to fail');
		expect(strict.error?.message).toBe('Item 1 asked to fail');
	});
});
