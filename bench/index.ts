// `npm run bench`: throughput, per-request profile, Return All and package cost, measured in
// one run against the local sandbox (in its own process). Prints a Markdown table of results.
//   BENCH_ITEMS=2000 BENCH_REPEATS=3 BENCH_IN_FLIGHT=8 BENCH_SECTIONS=throughput,profile,returnAll,package
import '../test/harness/env';

import { mkdirSync, writeFileSync } from 'fs';
import { loadavg } from 'os';
import { join } from 'path';

import { packageRows } from './package-cost';
import { profileRows } from './profile';
import { returnAllRows } from './return-all';
import { startRemoteSandbox } from './sandbox-client';
import { measure, throughputCases, throughputRows } from './throughput';
import { machine, printTable, type Row } from './util';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 2000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 8);
const SECTIONS = new Set(
	(process.env.BENCH_SECTIONS ?? 'throughput,profile,returnAll,package').split(',').map((name) => name.trim()),
);

/** Throughput of case `a` relative to case `b`. */
function ratio(times: Map<string, number>, a: string, b: string): string {
	const msA = times.get(a);
	const msB = times.get(b);
	return msA && msB ? (msB / msA).toFixed(2) : 'n/a';
}

async function main() {
	const rows: Row[] = [];
	const load = loadavg()[0].toFixed(1);
	const sandbox = await startRemoteSandbox({ rateLimit: false, logRequests: false });
	try {
		if (SECTIONS.has('throughput')) {
			const cases = await throughputCases(sandbox, IN_FLIGHT);
			const times = await measure(cases, ITEMS, REPEATS);
			const seq = 'Squadus Chat → Send, sequential';
			const batch = `Squadus Chat → Send, Batching ${IN_FLIGHT}`;
			const http = 'HTTP Request node 4.2 (n8n-nodes-base), sequential';
			const bare = `bare fetch, ${IN_FLIGHT} in flight`;
			const targets: Row[] = [
				{ section: 'Targets', case: 'sequential vs HTTP Request node (≥ 1.00)', value: ratio(times, seq, http) },
				{ section: 'Targets', case: `Batching ${IN_FLIGHT} vs bare fetch ${IN_FLIGHT} in flight (≥ 0.80)`, value: ratio(times, batch, bare) },
				{ section: 'Targets', case: `Batching ${IN_FLIGHT} vs our sequential (≥ 3.00)`, value: ratio(times, batch, seq) },
			];
			rows.push(...throughputRows(times, ITEMS));
			if (!times.has(http)) {
				rows.push({
					section: 'Throughput',
					case: 'HTTP Request node',
					value: 'n/a',
					note: 'n8n-nodes-base not found in .cache/n8n (install n8n there to compare)',
				});
			}
			rows.push({
				section: 'Throughput',
				case: 'HTTP Request node in the real n8n runtime (n8n execute)',
				value: 'n/a',
				note: 'not automated: n8n execute start-up (seconds, DB migrations) dwarfs 2,000 local requests; the in-engine row above runs the same node class',
			});
			rows.push(...targets);
		}
		if (SECTIONS.has('profile')) rows.push(...(await profileRows(sandbox, ITEMS, REPEATS)));
		if (SECTIONS.has('returnAll')) rows.push(...(await returnAllRows(sandbox, [5000, 20000, 50000])));
	} finally {
		await sandbox.close();
	}
	if (SECTIONS.has('package')) rows.push(...packageRows(process.env.BENCH_SKIP_BUILD !== '1'));

	const header = `Machine: ${machine()}; load average ${load} at start, ${loadavg()[0].toFixed(1)} at end; ${ITEMS} items, median of ${REPEATS} runs`;
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
