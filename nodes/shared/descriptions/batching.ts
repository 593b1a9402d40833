import type { INodeProperties } from 'n8n-workflow';

/** Most items a node sends at the same time, whatever the user types. */
export const MAX_ITEMS_IN_FLIGHT = 50;

/**
 * The Batching option of write operations, for their Options collection. The router reads
 * it (wherever the operation put it) and runs that many items at once.
 */
export const batchingOption: INodeProperties = {
	displayName: 'Batching',
	name: 'batching',
	placeholder: 'Add Batching',
	type: 'fixedCollection',
	typeOptions: { multipleValues: false },
	default: { batch: {} },
	options: [
		{
			displayName: 'Batching',
			name: 'batch',
			values: [
				{
					displayName: 'Items per Batch',
					name: 'batchSize',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: MAX_ITEMS_IN_FLIGHT },
					default: 8,
					description:
						'How many input items to send at the same time. The output keeps the input order, and a rate-limited request waits and is retried on its own. 1 sends one item after another.',
				},
			],
		},
	],
};
