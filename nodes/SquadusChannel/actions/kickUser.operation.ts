import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	channelLocator,
	simplifyField,
	updateDisplayOptions,
	userLocator,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { simplifyRoom } from '../../shared/helpers/simplify';
import { getChannelId, getUserId } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	channelLocator({ description: 'The channel to remove the user from' }),
	userLocator({ description: 'The user to remove from the channel' }),
	simplifyField(),
	writeOptions(),
];

export const description = updateDisplayOptions({ show: { operation: ['kickUser'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /channels.kick (docs/api-map.md)
	const roomId = await getChannelId.call(this, i);
	const userId = await getUserId.call(this, i);
	const response = (await squadusApiRequest.call(this, 'POST', '/channels.kick', {
		body: { roomId, userId },
		itemIndex: i,
	})) as IDataObject;
	return (response.channel as IDataObject) ?? { success: true, roomId, userId };
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
export const simplify = simplifyRoom;
