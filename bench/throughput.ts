// Per-item throughput: 2,000 Send Message requests through our node, n8n's HTTP Request node
// and a bare fetch loop, all against the same sandbox in the same run.
import { existsSync } from 'fs';
import { request as httpRequest } from 'http';
import { join } from 'path';
import type { INodeType, IVersionedNodeType } from 'n8n-workflow';

import { chainWorkflow, CredentialStore, runWorkflow } from '../test/harness';
import type { RemoteSandbox } from './sandbox-client';
import { median, pool, sendNodeSpec, timed, type Row } from './util';

export const HTTP_REQUEST_NODE = join(
	__dirname,
	'..',
	'.cache/n8n/node_modules/n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js',
);

export interface Session {
	authToken: string;
	userId: string;
}

export async function login(sandbox: RemoteSandbox): Promise<Session> {
	const { username, password } = sandbox.fixtures.admin;
	const response = await fetch(`${sandbox.url}/api/v1/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ user: username, password }),
	});
	const { data } = (await response.json()) as { data: Session };
	return { authToken: data.authToken, userId: data.userId };
}

const text = (i: number) => `Message ${i}`;

/** The same request our node sends, by hand: one POST, JSON in and out. */
function bareSend(sandbox: RemoteSandbox, session: Session) {
	const url = `${sandbox.url}/api/v1/chat.postMessage`;
	const headers = {
		'content-type': 'application/json',
		'x-auth-token': session.authToken,
		'x-user-id': session.userId,
	};
	return async (i: number) => {
		const response = await fetch(url, {
			method: 'POST',
			headers,
			body: JSON.stringify({ channel: '#general', text: text(i) }),
		});
		const body = (await response.json()) as { success: boolean };
		if (!body.success) throw new Error(`bare request ${i} failed`);
	};
}

/**
 * The same request through node:http with a new TCP connection for each (agent: false), as
 * n8n-core's helpers send every request (they build new http agents per request, so no
 * keep-alive reuse); `fetch` keeps its connections open.
 */
function bareSendNewConnection(sandbox: RemoteSandbox, session: Session) {
	const url = new URL(`${sandbox.url}/api/v1/chat.postMessage`);
	return (i: number) =>
		new Promise<void>((resolve, reject) => {
			const body = JSON.stringify({ channel: '#general', text: text(i) });
			const req = httpRequest(
				url,
				{
					method: 'POST',
					agent: false,
					headers: {
						'content-type': 'application/json',
						'content-length': Buffer.byteLength(body),
						'x-auth-token': session.authToken,
						'x-user-id': session.userId,
					},
				},
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () => {
						const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
							success: boolean;
						};
						if (parsed.success) resolve();
						else reject(new Error(`bare request ${i} failed`));
					});
					response.on('error', reject);
				},
			);
			req.on('error', reject);
			req.end(body);
		});
}

const CREDENTIAL = { squadusApi: { id: 'bench', name: 'Squadus account' } };

function credentialStore(sandbox: RemoteSandbox) {
	const { username, password } = sandbox.fixtures.admin;
	return new CredentialStore({
		'Squadus account': {
			server: sandbox.url,
			user: username,
			password,
			secondFactor: 'none',
			authToken: '',
		},
	});
}

function chatWorkflow(batchSize?: number) {
	return chainWorkflow({
		name: 'Send',
		...sendNodeSpec('ours', '', batchSize),
		credentials: CREDENTIAL,
	});
}

function httpRequestWorkflow(sandbox: RemoteSandbox) {
	return chainWorkflow({
		name: 'Send',
		...sendNodeSpec('http', sandbox.url),
		credentials: CREDENTIAL,
	});
}

let httpRequestNode: INodeType | IVersionedNodeType | null | undefined;

/** n8n's own HTTP Request node (n8n-nodes-base of the n8n install in .cache), or null. */
export function loadHttpRequestNode(): INodeType | IVersionedNodeType | null {
	if (httpRequestNode === undefined) {
		httpRequestNode = null;
		if (existsSync(HTTP_REQUEST_NODE)) {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const { HttpRequest } = require(HTTP_REQUEST_NODE);
			httpRequestNode = new HttpRequest();
		}
	}
	return httpRequestNode ?? null;
}

type Workflow = ReturnType<typeof chainWorkflow>;

async function runItems(workflow: Workflow, store: CredentialStore, count: number, extra = {}) {
	const input = Array.from({ length: count }, (_, i) => ({ i }));
	const result = await runWorkflow(workflow, { credentials: store, input, ...extra });
	if (result.error) throw result.error;
	if (result.outputs.Send.length !== count) {
		throw new Error(`expected ${count} items, got ${result.outputs.Send.length}`);
	}
}

export interface ThroughputCase {
	name: string;
	run: (count: number) => Promise<unknown>;
}

export async function throughputCases(
	sandbox: RemoteSandbox,
	inFlight: number,
	{ newConnections = true, httpNode: withHttpNode = true } = {},
) {
	const session = await login(sandbox);
	const send = bareSend(sandbox, session);
	const sendNew = bareSendNewConnection(sandbox, session);
	const ours = credentialStore(sandbox);
	const theirs = credentialStore(sandbox);
	const httpNode = withHttpNode ? loadHttpRequestNode() : null;
	const cases: ThroughputCase[] = [
		{
			name: 'bare fetch, sequential',
			run: async (count) => {
				for (let i = 0; i < count; i++) await send(i);
			},
		},
		{ name: `bare fetch, ${inFlight} in flight`, run: (count) => pool(count, inFlight, send) },
		...(newConnections
			? [
					{
						name: 'bare node:http, new connection per request, sequential',
						run: async (count: number) => {
							for (let i = 0; i < count; i++) await sendNew(i);
						},
					},
					{
						name: `bare node:http, new connection per request, ${inFlight} in flight`,
						run: (count: number) => pool(count, inFlight, sendNew),
					},
				]
			: []),
		{
			name: 'Squadus Chat → Send, sequential',
			run: (count) => runItems(chatWorkflow(), ours, count),
		},
		{
			name: `Squadus Chat → Send, Batching ${inFlight}`,
			run: (count) => runItems(chatWorkflow(inFlight), ours, count),
		},
	];
	if (httpNode) {
		const nodeTypes = { 'n8n-nodes-base.httpRequest': httpNode };
		cases.push({
			name: 'HTTP Request node 4.2 (n8n-nodes-base), sequential',
			run: (count) => runItems(httpRequestWorkflow(sandbox), theirs, count, { nodeTypes }),
		});
	}
	return cases;
}

/** Runs every case `repeats` times, interleaved, after a short warm-up; returns median ms. */
export async function measure(cases: ThroughputCase[], count: number, repeats: number) {
	for (const entry of cases) await entry.run(Math.min(200, count));
	const samples = new Map<string, number[]>(cases.map((entry) => [entry.name, []]));
	for (let r = 0; r < repeats; r++) {
		for (const entry of cases)
			samples.get(entry.name)!.push((await timed(() => entry.run(count))).ms);
	}
	return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

export function throughputRows(
	times: Map<string, number>,
	count: number,
	extra: Row[] = [],
	section = 'Throughput',
): Row[] {
	const base = times.get('bare fetch, sequential')!;
	const rows: Row[] = [...times].map(([name, ms]) => ({
		section,
		case: name,
		value: `${Math.round((count / ms) * 1000)} items/s`,
		note: `${(base / ms).toFixed(2)}× bare sequential; ${ms.toFixed(0)} ms for ${count}`,
	}));
	return [...rows, ...extra];
}
