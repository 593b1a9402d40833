import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { squadusApiRequest } from '../../shared/transport';
import { getMessageId, messageIdProperty } from '../helpers';

const properties: INodeProperties[] = [messageIdProperty];

export const description = updateDisplayOptions({ show: { operation: ['unpin'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// Manual 3.4.6
	const messageId = getMessageId.call(this, i);
	await squadusApiRequest.call(this, 'POST', '/chat.unPinMessage', {
		body: { messageId },
		itemIndex: i,
	});
	return { success: true, messageId };
}
