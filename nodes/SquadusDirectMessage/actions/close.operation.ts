import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	roomLocator,
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { getRoomId } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	roomLocator({
		displayName: 'Direct Message',
		description: 'The direct message room to close (hide from your list)',
	}),
	writeOptions(),
];

export const description = updateDisplayOptions({ show: { operation: ['close'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /dm.close (docs/api-map.md)
	const roomId = getRoomId.call(this, i, 'room', 'Direct Message');
	await squadusApiRequest.call(this, 'POST', '/dm.close', { body: { roomId }, itemIndex: i });
	return { success: true, roomId };
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
