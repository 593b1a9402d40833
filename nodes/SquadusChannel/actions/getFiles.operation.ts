import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import {
	channelLocator,
	filtersCollection,
	jsonQueryFilter,
	nameContainsFilter,
	returnAllOrLimit,
	sortFilters,
	updateDisplayOptions,
} from '../../shared/descriptions';
import { getChannelRef } from '../../shared/helpers';
import { nameContainsQuery, queryParameter, sortParameter } from '../../shared/helpers/filters';
import { parseJsonObject } from '../../shared/helpers/json';
import { getList } from '../../shared/helpers/lists';
import { getServerUrl, squadusApiRequest } from '../../shared/transport';
import { compact } from '../helpers/output';

const properties: INodeProperties[] = [
	channelLocator({ description: 'The channel whose files to get' }),
	...returnAllOrLimit,
	{
		displayName: 'Download Files',
		name: 'download',
		type: 'boolean',
		default: false,
		description: 'Whether to download each file and attach it to its output item as binary data',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: { download: [true] } },
	},
	filtersCollection([
		nameContainsFilter({
			placeholder: 'e.g. report',
			description: 'Only files whose name contains this text (case-insensitive)',
		}),
		jsonQueryFilter({
			placeholder: 'e.g. {"size": {"$gt": 1048576}}',
			description: 'A MongoDB-style query the files must match',
		}),
		...sortFilters(
			[
				{ name: 'Name', value: 'name' },
				{ name: 'Size', value: 'size' },
				{ name: 'Type', value: 'type' },
				{ name: 'Uploaded At', value: 'uploadedAt' },
			],
			'uploadedAt',
		),
		{
			displayName: 'Type',
			name: 'typeGroup',
			type: 'options',
			options: [
				{ name: 'Application (Documents, Archives)', value: 'application' },
				{ name: 'Audio', value: 'audio' },
				{ name: 'Image', value: 'image' },
				{ name: 'Text', value: 'text' },
				{ name: 'Video', value: 'video' },
			],
			default: 'image',
			description: 'Only files of this kind',
		},
	]),
];

export const description = updateDisplayOptions({ show: { operation: ['getFiles'] } }, properties);

/** A file's download path on the server (the API gives it relative, or absolute on the same server). */
async function downloadPath(
	this: IExecuteFunctions,
	file: IDataObject,
	i: number,
): Promise<string> {
	const link = String(file.url ?? file.path ?? file.downloadLink ?? '');
	if (!/^https?:\/\//i.test(link)) return link;
	const server = await getServerUrl.call(this, i);
	if (link.startsWith(server)) return link.slice(server.length);
	const url = new URL(link);
	return `${url.pathname}${url.search}`;
}

async function withBinary(
	this: IExecuteFunctions,
	file: IDataObject,
	binaryPropertyName: string,
	i: number,
): Promise<INodeExecutionData> {
	const response = (await squadusApiRequest.call(
		this,
		'GET',
		await downloadPath.call(this, file, i),
		{
			serverPath: true,
			binary: true,
			itemIndex: i,
		},
	)) as { body: ArrayBuffer | Buffer; headers?: IDataObject };
	const mimeType =
		(file.type as string) || (response.headers?.['content-type'] as string | undefined);
	const binary = await this.helpers.prepareBinaryData(
		Buffer.from(response.body as ArrayBuffer),
		file.name as string,
		mimeType,
	);
	return { json: file, binary: { [binaryPropertyName]: binary } };
}

export async function execute(
	this: IExecuteFunctions,
	i: number,
): Promise<IDataObject[] | INodeExecutionData[]> {
	// GET /channels.files (docs/api-map.md)
	const ref = getChannelRef.call(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const query: IDataObject = {
		...parseJsonObject.call(this, filters.query, 'Query (JSON)', i, '{"size": {"$gt": 1048576}}'),
		...nameContainsQuery(filters.name),
		...(filters.typeGroup ? { typeGroup: filters.typeGroup } : {}),
	};
	const download = this.getNodeParameter('download', i, false) as boolean;
	const binaryPropertyName = download
		? (this.getNodeParameter('binaryPropertyName', i) as string).trim()
		: '';
	const qs = compact({
		...ref,
		query: queryParameter(query),
		sort: sortParameter(filters, 'uploadedAt'),
	});
	const files = await getList.call(this, i, '/channels.files', ['files'], qs);
	if (!download) return files;
	const items: INodeExecutionData[] = [];
	for (const file of files) items.push(await withBinary.call(this, file, binaryPropertyName, i));
	return items;
}
