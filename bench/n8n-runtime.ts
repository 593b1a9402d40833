// Per-item cost in the real n8n runtime (Node 24 + n8n 2.40.7 from .cache/, as `npm run e2e`
// runs it): Manual Trigger → Code (N items) → a Send node, timed with `n8n execute` for N = 1 and
// N = 2,000. The difference divided by 1,999 is the per-item cost without n8n's start-up.
//   (a) n8n's HTTP Request node, Predefined Credential Type = Squadus API, POST chat.postMessage
//   (b) Squadus Chat → Send Message, sequential   (c) the same with Batching
// The package is built, packed and installed into a fresh user folder (.cache/bench-n8n) as in
// the e2e test. Nothing is installed unless BENCH_PROVISION=1.
import { existsSync, readFileSync, rmSync, mkdirSync } from 'fs';
import { dirname, join } from 'path';

import type { RemoteSandbox } from './sandbox-client';
import { median, now, sendNodeSpec, type Row } from './util';

interface NodeBin {
	bin: string;
	headers?: string;
}

interface Runtime {
	CACHE: string;
	N8N_VERSION: string;
	ensureNode(): NodeBin;
	ensureN8n(node: NodeBin): string;
	installPackage(userFolder: string): { version: string };
	importIntoN8n(
		node: NodeBin,
		userFolder: string,
		what: { credentials: unknown[]; workflows: unknown[] },
	): Promise<void>;
	n8nCli(
		node: NodeBin,
		userFolder: string,
		args: string[],
		options?: { allowFailure?: boolean; env?: Record<string, string> },
	): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }>;
	sandboxCredentials(sandbox: {
		fixtures: unknown;
	}): Array<{ id: string; name: string; type: string }>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const rt = require('../scripts/runtime') as Runtime;

const USER_FOLDER = join(rt.CACHE, 'bench-n8n');

/** Node 24 and n8n 2.40.7 in .cache/, provisioned only when BENCH_PROVISION=1; else null with why. */
function locate(): { node: NodeBin } | { missing: string } {
	if (process.env.BENCH_PROVISION === '1') {
		const node = rt.ensureNode();
		rt.ensureN8n(node);
		return { node };
	}
	const manifest = join(rt.CACHE, 'n8n', 'node_modules', 'n8n', 'package.json');
	if (!existsSync(manifest)) return { missing: 'n8n is not installed in .cache/n8n' };
	const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
	if (version !== rt.N8N_VERSION)
		return { missing: `.cache/n8n holds n8n ${version}, not ${rt.N8N_VERSION}` };
	if (Number(process.version.slice(1).split('.')[0]) >= 24)
		return { node: { bin: process.execPath } };
	const bin = join(
		rt.CACHE,
		'node24',
		'node_modules',
		`node-${process.platform}-${process.arch}`,
		'bin',
		'node',
	);
	if (!existsSync(bin)) return { missing: 'Node 24 is not installed in .cache/node24' };
	return { node: { bin, headers: dirname(dirname(bin)) } };
}

const CREDENTIAL = { squadusApi: { id: 'sqdSandboxAdmin1', name: 'Squadus sandbox (admin)' } };
const TRIGGER = 'When clicking ‘Execute workflow’';

type Kind = 'http' | 'ours' | 'batch';

function sendNode(kind: Kind, sandboxUrl: string, batchSize: number) {
	const spec = sendNodeSpec(
		kind === 'http' ? 'http' : 'ours',
		sandboxUrl,
		kind === 'batch' ? batchSize : undefined,
	);
	return { name: 'Send', ...spec, credentials: CREDENTIAL };
}

function workflow(id: string, kind: Kind, items: number, sandboxUrl: string, batchSize: number) {
	const nodes = [
		{ name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
		{
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `return Array.from({ length: ${items} }, (_, i) => ({ json: { i } }));`,
			},
		},
		sendNode(kind, sandboxUrl, batchSize),
	].map((node, i) => ({
		id: `b3c40000-0000-4000-8000-${String(i).padStart(12, '0')}`,
		position: [i * 220, 0],
		...node,
	}));
	const link = (to: string) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
	return {
		id,
		name: `Bench: ${kind} × ${items}`,
		active: false,
		nodes,
		connections: { [TRIGGER]: link('Items'), Items: link('Send') },
		settings: { executionOrder: 'v1' },
		pinData: {},
		tags: [],
	};
}

interface Execution {
	wallMs: number;
	/** n8n's own executionTime of the Send node. */
	nodeMs: number;
	items: number;
}

async function execute(node: NodeBin, id: string): Promise<Execution> {
	const start = now();
	const result = await rt.n8nCli(node, USER_FOLDER, ['execute', `--id=${id}`, '--rawOutput'], {
		allowFailure: true,
		// n8n prints the run through its logger: the harness env (imported by index.ts) silences it
		env: { N8N_LOG_LEVEL: 'info' },
	});
	const wallMs = now() - start;
	const match = result.stdout.match(/^\{$[\s\S]*?^\}$/m);
	if (!match)
		throw new Error(
			`n8n execute ${id} printed no run data:\n${(result.stdout + result.stderr).slice(-2000)}`,
		);
	const run = JSON.parse(match[0]) as {
		status: string;
		data: {
			resultData: {
				error?: { message: string };
				runData: Record<string, Array<{ executionTime: number; data: { main: unknown[][] } }>>;
			};
		};
	};
	const { resultData } = run.data;
	if (resultData.error || run.status !== 'success') {
		throw new Error(`n8n execute ${id}: ${resultData.error?.message ?? run.status}`);
	}
	// n8n 2.40.7 + isolated-vm can crash while exiting after a finished run (see test/e2e/run.js)
	if (result.status !== 0 && result.signal !== 'SIGSEGV' && result.status !== 139) {
		throw new Error(`n8n execute ${id} exited with ${result.signal ?? result.status}`);
	}
	const send = resultData.runData.Send?.at(-1);
	if (!send) throw new Error(`n8n execute ${id}: the Send node did not run`);
	return { wallMs, nodeMs: send.executionTime, items: send.data.main[0].length };
}

export async function n8nRuntimeRows(
	sandbox: RemoteSandbox,
	items: number,
	repeats: number,
	batchSize: number,
): Promise<{ rows: Row[]; perItem?: Map<Kind, number> }> {
	const section = 'n8n runtime';
	const found = locate();
	if ('missing' in found) {
		return {
			rows: [
				{
					section,
					case: `n8n ${rt.N8N_VERSION} (n8n execute)`,
					value: 'n/a',
					note: `${found.missing}; run npm run e2e (or BENCH_PROVISION=1 npm run bench) to provision it`,
				},
			],
		};
	}
	const { node } = found;
	rmSync(USER_FOLDER, { recursive: true, force: true });
	mkdirSync(USER_FOLDER, { recursive: true });
	rt.installPackage(USER_FOLDER);

	const kinds: Kind[] = ['http', 'ours', 'batch'];
	const ids = (kind: Kind, n: number) =>
		`sqdBench${kind}${n === 1 ? 'one' : 'all'}`.padEnd(16, '0');
	const workflows = kinds.flatMap((kind) =>
		[1, items].map((n) => workflow(ids(kind, n), kind, n, sandbox.url, batchSize)),
	);
	await rt.importIntoN8n(node, USER_FOLDER, {
		credentials: rt
			.sandboxCredentials(sandbox)
			.filter((credential) => credential.type === 'squadusApi'),
		workflows,
	});

	// warm-up: the OS file cache, the credential's first login (stored for later runs)
	await execute(node, ids('http', 1));
	await execute(node, ids('ours', 1));

	const samples = new Map<string, Execution[]>();
	const record = (key: string, execution: Execution) => {
		if (!samples.has(key)) samples.set(key, []);
		samples.get(key)!.push(execution);
	};
	for (let r = 0; r < repeats; r++) {
		for (const kind of kinds) {
			for (const n of [1, items]) {
				const execution = await execute(node, ids(kind, n));
				if (execution.items !== n)
					throw new Error(`${ids(kind, n)}: ${execution.items} of ${n} items`);
				record(`${kind}:${n}`, execution);
			}
		}
	}
	const wall = (key: string) => median(samples.get(key)!.map((sample) => sample.wallMs));
	const nodeTime = (key: string) => median(samples.get(key)!.map((sample) => sample.nodeMs));

	const labels: Record<Kind, string> = {
		http: `(a) HTTP Request node 4.2, Squadus API credential`,
		ours: '(b) Squadus Chat → Send, sequential',
		batch: `(c) Squadus Chat → Send, Batching ${batchSize}`,
	};
	const perItem = new Map<Kind, number>();
	const rows: Row[] = [];
	for (const kind of kinds) {
		const one = wall(`${kind}:1`);
		const many = wall(`${kind}:${items}`);
		const ms = (many - one) / (items - 1);
		perItem.set(kind, ms);
		const nodeMs = nodeTime(`${kind}:${items}`);
		rows.push({
			section,
			case: labels[kind],
			value: `${(ms * 1000).toFixed(0)} µs/item`,
			note: `n8n execute: ${(many / 1000).toFixed(2)} s for ${items.toLocaleString('en')} items − ${(one / 1000).toFixed(2)} s for 1 (start-up); ${Math.round(1000 / ms)} items/s; Send node's own executionTime ${nodeMs} ms (${((nodeMs * 1000) / items).toFixed(0)} µs/item)`,
		});
	}
	const throughputRatio = (a: Kind, b: Kind) => (perItem.get(b)! / perItem.get(a)!).toFixed(2);
	rows.push({
		section,
		case: '(b) / (a) throughput',
		value: throughputRatio('ours', 'http'),
		note: `from the wall-clock difference; from the Send node's executionTime: ${(nodeTime(`http:${items}`) / nodeTime(`ours:${items}`)).toFixed(2)}`,
	});
	rows.push({
		section,
		case: `(c) / (b) throughput`,
		value: throughputRatio('batch', 'ours'),
		note: `from the Send node's executionTime: ${(nodeTime(`ours:${items}`) / nodeTime(`batch:${items}`)).toFixed(2)}; median of ${repeats} runs each, Node ${node.bin === process.execPath ? process.version : '24 (.cache/node24)'}`,
	});
	return { rows, perItem };
}
