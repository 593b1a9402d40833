import type { INodeProperties } from 'n8n-workflow';

import { batchingOption } from './batching';

/**
 * Options → Timeout: put it in a node's `options` collection and the transport applies it to
 * every request of that node (a timed-out write is reported, never sent twice).
 */
export const requestTimeoutOption: INodeProperties = {
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 60000,
	description:
		'Milliseconds to wait for Squadus to answer before failing the item. A message or other change that timed out is not sent again.',
};

/**
 * Orders properties by display name, as n8n's lint asks for collections. A plain comparison of
 * the lower-cased names gives the same order as `localeCompare` for these (ASCII) names without
 * initialising ICU's collator, which costs 8–20 ms on the first call when n8n loads the package.
 */
export function byDisplayName(a: { displayName: string }, b: { displayName: string }): number {
	const x = a.displayName.toLowerCase();
	const y = b.displayName.toLowerCase();
	return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * An "Options" collection named `options` (where the router finds Batching and the transport
 * finds Timeout), its options sorted by display name as n8n's lint asks.
 */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options].sort(byDisplayName),
	};
}

/** Where `writeOptions()` and `optionsCollection()` put Batching and Timeout, for `OperationModule`. */
export const OPTIONS_BATCHING = 'options.batching';
export const OPTIONS_TIMEOUT = 'options.timeout';

/** The Options of a write operation: Batching, Timeout and the operation's own options. */
export function writeOptions(...own: INodeProperties[]): INodeProperties {
	return optionsCollection([batchingOption, requestTimeoutOption, ...own]);
}
