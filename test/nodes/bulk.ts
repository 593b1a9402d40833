// Bulk Send Message runs that the transport and reliability tests share: numbered items, the
// parameters that post `<prefix> <i>` for each, what the sandbox stored, and session expiry
// storms.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { batching } from './batching';

/** `count` input items `{ i }`, numbered from `from`. */
export const numbered = (count: number, from = 0): IDataObject[] =>
	Array.from({ length: count }, (_, i) => ({ i: from + i }));

/** The Send Message target #general, by ID. */
export const toGeneral = (sandbox: Sandbox): INodeParameters => ({
	sendTo: 'channel',
	channel: { __rl: true, mode: 'id', value: sandbox.fixtures.channels.general._id },
});

/** Send Message parameters: item `{ i }` posts `<prefix> <i>` to `target`; Batching with a batch size. */
export const sendNumbered = (
	prefix: string,
	target: INodeParameters,
	batchSize?: number,
): INodeParameters => ({
	operation: 'send',
	...target,
	text: `={{ '${prefix} ' + $json.i }}`,
	options: batchSize ? batching(batchSize) : {},
});

/** The texts of the messages the sandbox stored for a prefix, in the order they were stored. */
export function storedTexts(sandbox: Sandbox, prefix: string): string[] {
	return [...sandbox.state.messages.values()]
		.map((message) => message.msg)
		.filter((text) => text.startsWith(`${prefix} `));
}

/** What the sandbox stored for a prefix: message text → how many times. */
export function storedCounts(sandbox: Sandbox, prefix: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const text of storedTexts(sandbox, prefix)) counts.set(text, (counts.get(text) ?? 0) + 1);
	return counts;
}

export interface ExpiryStorm {
	/** expire every session each time this many more posts reached chat.postMessage */
	every: number;
	/** never expire at or after this many posts (the last ones run undisturbed) */
	before?: number;
	/** how often the post count is checked */
	pollMs: number;
}

/** Runs `run` while expiring every session after each `every` posts; returns its result and the expiries. */
export async function withExpiryStorm<T>(
	sandbox: Sandbox,
	storm: ExpiryStorm,
	run: () => Promise<T>,
): Promise<{ result: T; expiries: number }> {
	let expiries = 0;
	const timer = setInterval(() => {
		const posts = sandbox.requests({ path: '/api/v1/chat.postMessage' }).length;
		const next = (expiries + 1) * storm.every;
		if (next < (storm.before ?? Infinity) && posts >= next) {
			sandbox.expireSessions();
			expiries++;
		}
	}, storm.pollMs);
	try {
		return { result: await run(), expiries };
	} finally {
		clearInterval(timer);
	}
}
