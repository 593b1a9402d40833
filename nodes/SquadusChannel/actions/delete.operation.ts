import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	channelLocator,
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { getChannelId } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	channelLocator({ description: 'The channel to delete' }),
	writeOptions(),
];

export const description = updateDisplayOptions({ show: { operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /channels.delete (docs/api-map.md)
	const roomId = await getChannelId.call(this, i);
	await squadusApiRequest.call(this, 'POST', '/channels.delete', {
		body: { roomId },
		itemIndex: i,
	});
	return { deleted: true };
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
