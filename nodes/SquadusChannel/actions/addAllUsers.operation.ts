import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	channelLocator,
	simplifyField,
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { simplifyRoom } from '../../shared/helpers/simplify';
import { getChannelId } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	channelLocator({ description: 'The channel to add every user of the server to' }),
	{
		displayName: 'Active Users Only',
		name: 'activeUsersOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to add only active users, leaving deactivated accounts out',
	},
	simplifyField(),
	writeOptions(),
];

export const description = updateDisplayOptions(
	{ show: { operation: ['addAllUsers'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /channels.addAll (docs/api-map.md)
	const roomId = await getChannelId.call(this, i);
	const activeUsersOnly = this.getNodeParameter('activeUsersOnly', i, false) as boolean;
	const response = (await squadusApiRequest.call(this, 'POST', '/channels.addAll', {
		body: { roomId, activeUsersOnly },
		itemIndex: i,
	})) as IDataObject;
	return (response.channel as IDataObject) ?? { success: true, roomId };
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
export const simplify = simplifyRoom;
