import {
	type IBinaryData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import {
	meetingIdField,
	requestTimeoutOption,
	updateDisplayOptions,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { getServerUrl, squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	meetingIdField({
		description: 'The meeting to get: the _id that Create and Get return for a conference',
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Download Chat and Transcript',
				name: 'download',
				type: 'boolean',
				default: true,
				description:
					'Whether to download the meeting’s chat log and speech transcript into the binary fields "chat" and "transcript" (when the meeting has them)',
			},
			requestTimeoutOption,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['getMeeting'] } },
	properties,
);

/** A download link as a server path: links come relative (/file-upload/…) or absolute. */
async function serverPath(this: IExecuteFunctions, link: string, i: number): Promise<string> {
	if (!/^https?:\/\//i.test(link)) return link.startsWith('/') ? link : `/${link}`;
	const server = await getServerUrl.call(this, i);
	if (link.startsWith(`${server}/`)) return link.slice(server.length);
	const url = new URL(link);
	return `${url.pathname}${url.search}`;
}

async function download(this: IExecuteFunctions, link: string, i: number): Promise<IBinaryData> {
	const path = await serverPath.call(this, link, i);
	const response = (await squadusApiRequest.call(this, 'GET', path, {
		serverPath: true,
		binary: true,
		itemIndex: i,
	})) as { body: ArrayBuffer | Buffer; headers: IDataObject };
	const fileName = decodeURIComponent(path.split('?')[0].split('/').pop() ?? '') || undefined;
	const mimeType = String(response.headers?.['content-type'] ?? '').split(';')[0] || undefined;
	return await this.helpers.prepareBinaryData(
		Buffer.from(response.body as ArrayBuffer),
		fileName,
		mimeType,
	);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// GET /scc.getMeetingInfo (docs/api-map.md)
	const meetingId = (this.getNodeParameter('meetingId', i) as string).trim();
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const { data } = (await squadusApiRequest.call(this, 'GET', '/scc.getMeetingInfo', {
		qs: { meetingId },
		itemIndex: i,
	})) as { data: IDataObject };
	const item: INodeExecutionData = { json: data };
	if (options.download) {
		const files: Array<[string, unknown]> = [
			['chat', data.chatDownloadLink],
			['transcript', data.speechDownloadLink],
		];
		for (const [property, link] of files) {
			if (typeof link !== 'string' || link.trim() === '') continue;
			item.binary ??= {};
			item.binary[property] = await download.call(this, link.trim(), i);
		}
	}
	return [item];
}

export const timeout = OPTIONS_TIMEOUT;
