import type { INodeProperties } from 'n8n-workflow';

import { requestTimeoutOption } from './authentication';
import { batchingOption } from './batching';

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
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The Options of a write operation: Batching, Timeout and the operation's own options. */
export function writeOptions(...own: INodeProperties[]): INodeProperties {
	return optionsCollection([batchingOption, requestTimeoutOption, ...own]);
}
