// `npm run bench`: throughput, per-request profile, Return All and package cost, measured in
// one run against the local sandbox (in its own process). Prints a Markdown table of results.
//   BENCH_ITEMS=2000 BENCH_REPEATS=3 BENCH_IN_FLIGHT=8 BENCH_N8N_REPEATS=3
//   BENCH_LATENCY_MS=10 BENCH_LATENCY_ITEMS=400
//   BENCH_RATE_ITEMS=600 BENCH_RATE_LIMIT=20 BENCH_RATE_WINDOW_MS=2000 BENCH_RATE_EXECUTIONS=4
//   BENCH_SECTIONS=throughput,latency,rateLimit,profile,n8n,returnAll,package   BENCH_PROVISION=1 (install n8n if missing)
import '../test/harness/env';

import { mkdirSync, writeFileSync } from 'fs';
import { loadavg } from 'os';
import { join } from 'path';

import { n8nRuntimeRows } from './n8n-runtime';
import { packageRows } from './package-cost';
import { profileRows } from './profile';
import { rateLimitRows } from './rate-limit';
import { returnAllRows } from './return-all';
import { startRemoteSandbox } from './sandbox-client';
import { measure, throughputCases, throughputRows } from './throughput';
import { machine, printTable, type Row } from './util';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 2000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 8);
const N8N_REPEATS = Number(process.env.BENCH_N8N_REPEATS ?? 3);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 10);
const LATENCY_ITEMS = Number(process.env.BENCH_LATENCY_ITEMS ?? 400);
const SECTIONS = new Set(
	(process.env.BENCH_SECTIONS ?? 'throughput,latency,rateLimit,profile,n8n,returnAll,package')
		.split(',')
		.map((name) => name.trim()),
);

/** Throughput of case `a` relative to case `b`. */
function ratio(times: Map<string, number>, a: string, b: string): string {
	const msA = times.get(a);
	const msB = times.get(b);
	return msA && msB ? (msB / msA).toFixed(2) : 'n/a';
}

async function main() {
	const rows: Row[] = [];
	const targets: Row[] = [];
	const load = loadavg()[0].toFixed(1);
	// the 1-minute load average during the run (it includes the bench and the sandbox themselves)
	let peakLoad = loadavg()[0];
	const loadTimer = setInterval(() => (peakLoad = Math.max(peakLoad, loadavg()[0])), 5000);
	loadTimer.unref();
	const sandbox = await startRemoteSandbox({ rateLimit: false, logRequests: false });
	try {
		if (SECTIONS.has('throughput')) {
			const cases = await throughputCases(sandbox, IN_FLIGHT);
			const times = await measure(cases, ITEMS, REPEATS);
			const seq = 'Squadus Chat → Send, sequential';
			const batch = `Squadus Chat → Send, Batching ${IN_FLIGHT}`;
			const http = 'HTTP Request node 4.2 (n8n-nodes-base), sequential';
			const bare = `bare fetch, ${IN_FLIGHT} in flight`;
			targets.push(
				{
					section: 'Targets',
					case: "sequential vs HTTP Request node, in n8n-core's engine (≥ 1.00)",
					value: ratio(times, seq, http),
				},
				{
					section: 'Targets',
					case: `Batching ${IN_FLIGHT} vs bare fetch ${IN_FLIGHT} in flight (≥ 0.80)`,
					value: ratio(times, batch, bare),
				},
				{
					section: 'Targets',
					case: `Batching ${IN_FLIGHT} vs our sequential (≥ 3.00)`,
					value: ratio(times, batch, seq),
				},
			);
			rows.push(...throughputRows(times, ITEMS));
			if (!times.has(http)) {
				rows.push({
					section: 'Throughput',
					case: 'HTTP Request node',
					value: 'n/a',
					note: 'n8n-nodes-base not found in .cache/n8n (install n8n there to compare)',
				});
			}
		}
		if (SECTIONS.has('latency')) {
			// the sandbox answers chat.postMessage after LATENCY_MS, like a server across a network
			const section = `Throughput, ${LATENCY_MS} ms server latency`;
			await sandbox.call('fault', {
				path: '/api/v1/chat.postMessage',
				mode: 'slow',
				delayMs: LATENCY_MS,
				times: 1e9,
			});
			try {
				const cases = await throughputCases(sandbox, IN_FLIGHT, {
					newConnections: false,
					httpNode: false,
				});
				const times = await measure(cases, LATENCY_ITEMS, REPEATS);
				rows.push(...throughputRows(times, LATENCY_ITEMS, [], section));
				rows.push({
					section,
					case: `Batching ${IN_FLIGHT} vs bare fetch ${IN_FLIGHT} in flight; vs our sequential`,
					value: `${ratio(times, `Squadus Chat → Send, Batching ${IN_FLIGHT}`, `bare fetch, ${IN_FLIGHT} in flight`)}; ${ratio(times, `Squadus Chat → Send, Batching ${IN_FLIGHT}`, 'Squadus Chat → Send, sequential')}`,
				});
			} finally {
				await sandbox.call('clearFaults');
			}
		}
		if (SECTIONS.has('rateLimit')) {
			const rateRows = await rateLimitRows(sandbox, {
				items: Number(process.env.BENCH_RATE_ITEMS ?? 600),
				limit: Number(process.env.BENCH_RATE_LIMIT ?? 20),
				windowMs: Number(process.env.BENCH_RATE_WINDOW_MS ?? 2000),
				executions: Number(process.env.BENCH_RATE_EXECUTIONS ?? 4),
				batchSize: IN_FLIGHT,
				latencyMs: LATENCY_MS,
			});
			rows.push(...rateRows);
		}
		if (SECTIONS.has('profile')) rows.push(...(await profileRows(sandbox, ITEMS, REPEATS)));
		if (SECTIONS.has('n8n')) {
			const { rows: n8nRows, perItem } = await n8nRuntimeRows(
				sandbox,
				ITEMS,
				N8N_REPEATS,
				IN_FLIGHT,
			);
			rows.push(...n8nRows);
			if (perItem) {
				targets.unshift({
					section: 'Targets',
					case: 'sequential vs HTTP Request node, in the real n8n runtime (≥ 1.00)',
					value: (perItem.get('http')! / perItem.get('ours')!).toFixed(2),
				});
			}
		}
		if (SECTIONS.has('returnAll'))
			rows.push(...(await returnAllRows(sandbox, [5000, 20000, 50000])));
	} finally {
		await sandbox.close();
	}
	if (SECTIONS.has('package')) rows.push(...packageRows(process.env.BENCH_SKIP_BUILD !== '1'));
	rows.push(...targets);

	clearInterval(loadTimer);
	const header = `Machine: ${machine()}; load average ${load} at start, ${loadavg()[0].toFixed(1)} at end, at most ${peakLoad.toFixed(1)} during the run (the bench and the sandbox are two busy processes themselves); ${ITEMS} items, median of ${REPEATS} runs`;
	const report = `${header}\n\n${printTable(rows)}\n`;
	console.log(report);
	const dir = join(__dirname, 'results');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'latest.md'), report);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
