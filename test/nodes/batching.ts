// The Batching check every write operation repeats: items really run at once (at most Items
// per Batch), each request is sent exactly once, and the output keeps the input order.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { LoggedRequest, Sandbox } from '../sandbox';
import { runNode, type NodeRun, type RunNodeOptions } from './helpers';

/** The Options value that turns Batching on. */
export const batching = (batchSize: number) => ({ batching: { batch: { batchSize } } });

/** The most requests that arrived within `windowMs` of one another. */
export function peakArrivals(requests: LoggedRequest[], windowMs: number): number {
	const times = requests.map((request) => request.time).sort((a, b) => a - b);
	return Math.max(
		0,
		...times.map((start, i) => times.slice(i).filter((t) => t - start < windowMs).length),
	);
}

export interface BatchingCase {
	node: string;
	/** The operation's parameters, with `options: batching(batchSize)` (and its other options). */
	parameters: INodeParameters;
	batchSize: number;
	input: IDataObject[];
	/** The write endpoint each item sends one request to. */
	path: string;
	/** What identifies an item in its request, and in its output item. */
	sent: (request: LoggedRequest) => unknown;
	output: (json: IDataObject) => unknown;
	/** One identifier per input item, in input order. */
	expected: unknown[];
	options?: RunNodeOptions;
}

const FAST_MS = 100;
const SLOW_MS = 300;

/**
 * Runs the case with every answer of `path` delayed by 100 or 300 ms at random, so items finish
 * out of order. A worker sends its next request only after the previous answer, so within
 * less than 100 ms at most Items per Batch requests can arrive: more means the limit is broken,
 * one means nothing ran at once.
 */
export async function expectBatchedInOrder(sandbox: Sandbox, test: BatchingCase): Promise<NodeRun> {
	sandbox.fault({
		path: test.path,
		mode: 'slow',
		delayMs: SLOW_MS,
		probability: 0.5,
		seed: 7,
		times: Infinity,
	});
	sandbox.fault({ path: test.path, mode: 'slow', delayMs: FAST_MS, times: Infinity });
	let result: NodeRun;
	try {
		result = await runNode(sandbox, test.node, test.parameters, {
			...test.options,
			input: test.input,
		});
	} finally {
		sandbox.clearFaults();
	}

	expect(result.nodeError).toBeUndefined();
	const requests = sandbox.requests({ path: test.path });
	expect(requests.map(test.sent).sort()).toEqual([...test.expected].sort());
	expect(new Set(requests.map(test.sent)).size).toBe(test.input.length);
	expect(result.json.map(test.output)).toEqual(test.expected);
	expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual(
		test.input.map((_item, item) => ({ item })),
	);
	const peak = peakArrivals(requests, FAST_MS - 20);
	expect(peak).toBeGreaterThan(1);
	expect(peak).toBeLessThanOrEqual(test.batchSize);
	return result;
}
