// Small helpers shared by the benchmark sections.
import { cpus } from 'os';
import { readFileSync } from 'fs';

export interface Row {
	section: string;
	case: string;
	value: string;
	note?: string;
}

export const now = () => Number(process.hrtime.bigint()) / 1e6;

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
	const start = now();
	const result = await fn();
	return { ms: now() - start, result };
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `tasks(0..count-1)` with at most `limit` in flight. */
export async function pool(count: number, limit: number, task: (i: number) => Promise<unknown>) {
	let next = 0;
	const worker = async () => {
		while (next < count) await task(next++);
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

/** Samples rss and heapUsed every few milliseconds while `fn` runs; returns the peaks. */
export async function withMemoryPeak<T>(fn: () => Promise<T>) {
	(global as { gc?: () => void }).gc?.();
	const base = process.memoryUsage();
	const peak = { rss: base.rss, heapUsed: base.heapUsed };
	const timer = setInterval(() => {
		const { rss, heapUsed } = process.memoryUsage();
		peak.rss = Math.max(peak.rss, rss);
		peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
	}, 5);
	try {
		const result = await fn();
		const { rss, heapUsed } = process.memoryUsage();
		peak.rss = Math.max(peak.rss, rss);
		peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
		return { result, base, peak };
	} finally {
		clearInterval(timer);
	}
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function machine(): string {
	let model = cpus()[0]?.model ?? 'unknown CPU';
	try {
		const line = readFileSync('/proc/cpuinfo', 'utf8')
			.split('\n')
			.find((entry) => entry.startsWith('model name'));
		if (line) model = line.split(':')[1].trim();
	} catch {
		// not Linux: os.cpus() is good enough
	}
	return `${model}, ${cpus().length} cores, Node ${process.version}`;
}

export function printTable(rows: Row[]): string {
	const header = ['Section', 'Case', 'Result', 'Note'];
	const lines = rows.map((row) => [row.section, row.case, row.value, row.note ?? '']);
	const widths = header.map((title, col) =>
		Math.max(title.length, ...lines.map((line) => line[col].length)),
	);
	const format = (cells: string[]) =>
		`| ${cells.map((cell, col) => cell.padEnd(widths[col])).join(' | ')} |`;
	return [
		format(header),
		`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
		...lines.map(format),
	].join('\n');
}

/**
 * The node both throughput benchmarks time: n8n's HTTP Request node posting to
 * chat.postMessage with the Squadus API credential, or Squadus Chat → Send Message
 * (with Batching when `batchSize` is given). The same in the engine and in the real n8n.
 */
export function sendNodeSpec(kind: 'http' | 'ours', sandboxUrl: string, batchSize?: number) {
	if (kind === 'http') {
		return {
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: `${sandboxUrl}/api/v1/chat.postMessage`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'squadusApi',
				sendBody: true,
				bodyParameters: {
					parameters: [
						{ name: 'channel', value: '#general' },
						{ name: 'text', value: "={{ 'Message ' + $json.i }}" },
					],
				},
				options: {},
			},
		};
	}
	return {
		type: 'n8n-nodes-squadus.squadusChat',
		typeVersion: 1,
		parameters: {
			authentication: 'password',
			operation: 'send',
			sendTo: 'channel',
			channel: { __rl: true, mode: 'name', value: 'general' },
			text: "={{ 'Message ' + $json.i }}",
			options: batchSize ? { batching: { batch: { batchSize } } } : {},
		},
	};
}
