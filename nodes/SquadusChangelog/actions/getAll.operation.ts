import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { squadusApiRequestAllItems } from '../../shared/transport';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Query (JSON)',
				name: 'query',
				type: 'json',
				default: '{}',
				placeholder: 'e.g. { "username": "admin" }',
				description:
					'A MongoDB-style query on the entries’ fields (_id, username, setting, value, date)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'fixedCollection',
				placeholder: 'Add Sort',
				default: {},
				options: [
					{
						displayName: 'Sort',
						name: 'value',
						values: [
							{
								displayName: 'Field',
								name: 'field',
								type: 'options',
								options: [
									{ name: 'Date', value: 'date' },
									{ name: 'Setting', value: 'setting' },
									{ name: 'Username', value: 'username' },
									{ name: 'Value', value: 'value' },
								],
								default: 'date',
							},
							{
								displayName: 'Direction',
								name: 'direction',
								type: 'options',
								options: [
									{ name: 'Ascending', value: 1 },
									{ name: 'Descending', value: -1 },
								],
								default: -1,
							},
						],
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['getAll'] } }, properties);

function parseQuery(this: IExecuteFunctions, i: number, raw: unknown): IDataObject | undefined {
	if (raw === undefined || raw === null) return undefined;
	let query = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return undefined;
		try {
			query = JSON.parse(raw);
		} catch (error) {
			throw new NodeOperationError(
				this.getNode(),
				'The parameter "Query (JSON)" is not valid JSON',
				{
					itemIndex: i,
					description: `${(error as Error).message}. Enter an object such as { "username": "admin" }`,
				},
			);
		}
	}
	if (typeof query !== 'object' || query === null || Array.isArray(query)) {
		throw new NodeOperationError(
			this.getNode(),
			'The parameter "Query (JSON)" is not a JSON object',
			{
				itemIndex: i,
				description: 'Enter an object such as { "username": "admin" }',
			},
		);
	}
	return Object.keys(query).length ? (query as IDataObject) : undefined;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	// Manual 3.7
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;

	const qs: IDataObject = {};
	const query = parseQuery.call(this, i, filters.query);
	if (query) qs.query = JSON.stringify(query);
	const sort = (options.sort as IDataObject | undefined)?.value as IDataObject | undefined;
	if (sort) qs.sort = JSON.stringify({ [sort.field as string]: Number(sort.direction) });

	return await squadusApiRequestAllItems.call(this, 'GET', '/changelog.list', {
		qs,
		listKeys: ['logs'],
		returnAll,
		limit,
		itemIndex: i,
	});
}
