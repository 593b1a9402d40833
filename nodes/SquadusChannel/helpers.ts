import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { squadusApiRequestAllItems } from '../shared/transport';

export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Names given as a comma-separated string or as a list from an expression. */
export function splitNames(raw: unknown, prefix = ''): string[] {
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	return list
		.map((name) => String(name).trim())
		.map((name) => (prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name))
		.filter(Boolean);
}

/** A JSON object parameter (text or an object from an expression); bad JSON fails before any request. */
export function parseJsonObject(
	this: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
): IDataObject | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return undefined;
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw new NodeOperationError(
				this.getNode(),
				`The parameter "${displayName}" is not valid JSON`,
				{
					itemIndex,
					description: `${(error as Error).message}. Enter a JSON object, e.g. {"msg": {"$regex": "report"}}`,
				},
			);
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "${displayName}" must be a JSON object`,
			{
				itemIndex,
				description: 'Enter a JSON object, e.g. {"msg": {"$regex": "report"}}',
			},
		);
	}
	return parsed as IDataObject;
}

/** The Sort By / Sort Direction pair of a list's Filters collection. */
export function sortOptions(
	fields: INodePropertyOptions[],
	defaultField: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			options: fields,
			default: defaultField,
			description: 'The field to sort the results by',
		},
		{
			displayName: 'Sort Direction',
			name: 'sortDirection',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 'asc' },
				{ name: 'Descending', value: 'desc' },
			],
			default: 'desc',
		},
	];
}

/** The API's `sort` JSON for the Sort By / Sort Direction filters, or undefined when neither is set. */
export function sortQuery(filters: IDataObject, defaultField: string): string | undefined {
	if (filters.sortBy === undefined && filters.sortDirection === undefined) return undefined;
	const field = (filters.sortBy as string) || defaultField;
	return JSON.stringify({ [field]: filters.sortDirection === 'asc' ? 1 : -1 });
}

/** Return All / Limit for one item, paged through the API. */
export async function getList(
	this: IExecuteFunctions,
	itemIndex: number,
	endpoint: string,
	listKeys: string[],
	qs: IDataObject,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return await squadusApiRequestAllItems.call(this, 'GET', endpoint, {
		qs,
		listKeys,
		returnAll,
		limit,
		itemIndex,
	});
}

/** Drops undefined and empty values so only what the user set is sent. */
export function compact(data: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(data).filter(
			([, value]) =>
				value !== undefined &&
				value !== '' &&
				!(Array.isArray(value) && value.length === 0) &&
				!(
					typeof value === 'object' &&
					value !== null &&
					!Array.isArray(value) &&
					Object.keys(value).length === 0
				),
		),
	);
}
