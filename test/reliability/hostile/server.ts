// A hostile Squadus: a local server on 127.0.0.1 that logs in every credential type (password,
// personal access token, OAuth2 exchange) and then answers the scenario a test gives it:
// redirects, echoes, trickles, cut connections, lying totals, ignored offsets.
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';

export interface Received {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	body: string;
	/** ms since the server started */
	at: number;
}

export type Scenario = (request: Received, res: ServerResponse, server: HostileServer) => unknown;

/** Secrets of the hostile server's credentials (all different, all long enough to scan for). */
export const HOSTILE = {
	user: 'ivan.hostile',
	password: 'Hostile#Passw0rd-7731',
	userId: 'hostileUserId01',
	accessToken: 'pat-hostile-4f9a2c7e1b3d5a6c',
	session: 'session-hostile-8d2e4b6a0c1f3e5d',
	oauthAccess: 'oauth-access-hostile-5c3a1e9b7d',
	oauthRefresh: 'oauth-refresh-hostile-2b4d6f8a0c',
	clientSecret: 'client-secret-hostile-9e7c5a3b1d',
	totpSecret: 'JBSWY3DPEHPK3PXPHOSTILE2',
};

export interface HostileServer {
	url: string;
	origin: string;
	received: Received[];
	/** Replaces what the server answers after the logins (and the logins too, if it wants). */
	scenario: Scenario;
	/** Requests other than the logins. */
	calls(path?: string): Received[];
	close(): Promise<void>;
	started: number;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}

const LOGINS = new Set(['/api/v1/login', '/api/v1/method.callAnon/login']);

/** The logins every credential needs; a scenario can answer them itself first. */
export function answerLogin(request: Received, res: ServerResponse): boolean {
	if (request.method !== 'POST' || !LOGINS.has(request.path)) return false;
	json(res, 200, { status: 'success', success: true, data: { authToken: HOSTILE.session, userId: HOSTILE.userId, me: { _id: HOSTILE.userId } } });
	return true;
}

export async function startHostile(scenario: Scenario = () => undefined): Promise<HostileServer> {
	const sockets = new Set<Socket>();
	const received: Received[] = [];
	const started = Date.now();
	const hostile = {
		url: '',
		origin: '',
		received,
		scenario,
		started,
		calls: (path?: string) =>
			received.filter((request) => !LOGINS.has(request.path) && (path === undefined || request.path === path)),
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	} as HostileServer;
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const request: Received = {
				method: req.method ?? 'GET',
				path: url.pathname,
				query: url.searchParams,
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				at: Date.now() - started,
			};
			received.push(request);
			void Promise.resolve(hostile.scenario(request, res, hostile)).then(() => {
				if (!res.headersSent && !res.writableEnded && !res.destroyed) {
					if (!answerLogin(request, res)) json(res, 404, { success: false, error: 'Not found' });
				}
			});
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	hostile.url = `http://127.0.0.1:${port}`;
	hostile.origin = hostile.url;
	return hostile;
}
