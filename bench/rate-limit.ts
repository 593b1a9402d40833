// Throughput under the server's rate limit: Squadus Chat → Send as a non-admin user (the
// sandbox counts calls per route and user, like Rocket.Chat), sequential, with Batching and
// with several executions of the same workflow at once. What counts is how much of the
// allowance is used, how many requests the server refused, and that no item fails.
//   BENCH_RATE_ITEMS=600 BENCH_RATE_LIMIT=20 BENCH_RATE_WINDOW_MS=2000 BENCH_RATE_EXECUTIONS=4
import { chainWorkflow, CredentialStore, runWorkflow } from '../test/harness';
import type { RemoteSandbox } from './sandbox-client';
import { now, sendNodeSpec, type Row } from './util';

const PATH = '/api/v1/chat.postMessage';
const CREDENTIAL = { squadusApi: { id: 'bench-user', name: 'Squadus user' } };

interface Mode {
	name: string;
	executions: number;
	batchSize?: number;
}

interface Outcome {
	ms: number;
	posts: number;
	refused: number;
	failed: number;
	/** Calls per second over the run's full windows, from the server's own clock. */
	rate: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function workflow(batchSize?: number) {
	return chainWorkflow({
		name: 'Send',
		...sendNodeSpec('ours', '', batchSize),
		credentials: CREDENTIAL,
		continueOnFail: true,
	});
}

async function runMode(
	sandbox: RemoteSandbox,
	store: CredentialStore,
	mode: Mode,
	items: number,
	limit: number,
	windowMs: number,
): Promise<Outcome> {
	// start on a fresh window: the server forgets the previous mode's calls
	await pause(windowMs + 50);
	await sandbox.call('clearRequests');
	const perExecution = Math.ceil(items / mode.executions);
	const started = now();
	const runs = await Promise.all(
		Array.from({ length: mode.executions }, (_, execution) =>
			runWorkflow(workflow(mode.batchSize), {
				credentials: store,
				input: Array.from({ length: perExecution }, (_, i) => ({
					i: execution * perExecution + i,
				})),
			}),
		),
	);
	const ms = now() - started;
	let failed = 0;
	for (const run of runs) {
		if (run.error && !run.outputs.Send) throw run.error;
		const output = run.outputs.Send ?? [];
		failed += perExecution - output.length;
		failed += output.filter((item) => item.json.error !== undefined).length;
	}
	const log = await sandbox.requests({ method: 'POST', path: PATH });
	const granted = log.filter((entry) => entry.status === 200).map((entry) => entry.time);
	granted.sort((a, b) => a - b);
	// the allowance used over the full windows: the first `granted.length - limit` calls took
	// from the first call to the first call of the last window
	const full = granted.length - limit;
	const rate = full > 0 ? (full / (granted[full] - granted[0])) * 1000 : NaN;
	return {
		ms,
		posts: log.length,
		refused: log.filter((entry) => entry.status === 429).length,
		failed,
		rate,
	};
}

export async function rateLimitRows(
	sandbox: RemoteSandbox,
	{ items = 600, limit = 20, windowMs = 2000, executions = 4, batchSize = 8, latencyMs = 10 } = {},
): Promise<Row[]> {
	const section = `Rate limit, ${limit} calls / ${windowMs / 1000} s per user and route, ${latencyMs} ms latency`;
	const { username, password } = sandbox.fixtures.user;
	const store = new CredentialStore({
		'Squadus user': {
			server: sandbox.url,
			user: username,
			password,
			secondFactor: 'none',
			authToken: '',
		},
	});
	const modes: Mode[] = [
		{ name: 'sequential', executions: 1 },
		{ name: `Batching ${batchSize}`, executions: 1, batchSize },
		{ name: `${executions} executions at once, sequential each`, executions },
	];
	await sandbox.call('configure', { rateLimit: { limit, windowMs }, logRequests: true });
	await sandbox.call('fault', { path: PATH, mode: 'slow', delayMs: latencyMs, times: 1e9 });
	const allowed = (limit / windowMs) * 1000;
	const rows: Row[] = [];
	try {
		// log in once, so every mode starts with a session like a running n8n
		await runWorkflow(workflow(), { credentials: store, input: [{ i: -1 }] });
		for (const mode of modes) {
			const outcome = await runMode(sandbox, store, mode, items, limit, windowMs);
			const minimum = (items / allowed) * 1000;
			const ratio = outcome.rate / allowed;
			const refusedShare = (outcome.refused / outcome.posts) * 100;
			const met = ratio >= 0.95 && refusedShare <= 5 && outcome.failed === 0;
			rows.push({
				section,
				case: `${items} × Squadus Chat → Send as a user, ${mode.name}`,
				value: `rate ${ratio.toFixed(2)} of allowed; ${refusedShare.toFixed(1)} % refused; ${outcome.failed} failed`,
				note: `${(outcome.ms / 1000).toFixed(1)} s vs ${(minimum / 1000).toFixed(1)} s minimum (items ÷ allowance); ${outcome.refused} of ${outcome.posts} requests refused; targets ≥ 0.95, ≤ 5 %, 0: ${met ? 'met' : 'NOT met'}`,
			});
		}
	} finally {
		await sandbox.call('clearFaults');
		await sandbox.call('configure', { rateLimit: false, logRequests: false });
	}
	return rows;
}
