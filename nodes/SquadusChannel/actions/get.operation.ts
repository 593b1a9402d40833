import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { channelLocator, simplifyField, updateDisplayOptions } from '../../shared/descriptions';
import { simplifyRoom } from '../../shared/helpers/simplify';
import { getChannelRef } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	channelLocator({ description: 'The channel to get' }),
	simplifyField(),
];

export const description = updateDisplayOptions({ show: { operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// GET /channels.info (docs/api-map.md)
	const response = (await squadusApiRequest.call(this, 'GET', '/channels.info', {
		qs: getChannelRef.call(this, i),
		itemIndex: i,
	})) as IDataObject;
	return response.channel as IDataObject;
}

export const simplify = simplifyRoom;
