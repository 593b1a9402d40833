import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	channelLocator,
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { getChannelRef } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	channelLocator({ description: 'The channel to convert to a team' }),
	writeOptions(),
];

export const description = updateDisplayOptions(
	{ show: { operation: ['convertToTeam'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /channels.convertToTeam (docs/api-map.md)
	const ref = getChannelRef.call(this, i);
	const body = 'roomId' in ref ? { channelId: ref.roomId } : { channelName: ref.roomName };
	const response = (await squadusApiRequest.call(this, 'POST', '/channels.convertToTeam', {
		body,
		itemIndex: i,
	})) as IDataObject;
	return (response.team as IDataObject) ?? { success: true, ...body };
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
