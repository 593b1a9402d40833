import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	filtersCollection,
	jsonQueryFilter,
	requestTimeoutOption,
	returnAllOrLimit,
	updateDisplayOptions,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { queryParameter } from '../../shared/helpers/filters';
import { parseJsonObject } from '../../shared/helpers/json';
import { getList } from '../../shared/helpers/lists';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([
		jsonQueryFilter({
			placeholder: 'e.g. { "username": "admin" }',
			description:
				'A MongoDB-style query on the entries’ fields (_id, username, setting, value, date)',
		}),
	]),
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
			requestTimeoutOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	// GET /changelog.list (docs/api-map.md)
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;

	const qs: IDataObject = {};
	const query = queryParameter(
		parseJsonObject.call(this, filters.query, 'Query (JSON)', i, '{ "username": "admin" }') ?? {},
	);
	if (query) qs.query = query;
	const sort = (options.sort as IDataObject | undefined)?.value as IDataObject | undefined;
	if (sort) qs.sort = JSON.stringify({ [sort.field as string]: Number(sort.direction) });

	return await getList.call(this, i, '/changelog.list', ['logs'], qs);
}

export const timeout = OPTIONS_TIMEOUT;
