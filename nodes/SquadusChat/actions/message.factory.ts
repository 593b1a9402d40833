import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { squadusApiRequest } from '../../shared/transport';
import type { OperationModule } from '../../shared/types';
import { getMessageId, messageIdProperty, unwrapMessage } from '../helpers/messages';

/**
 * Get, Pin, Unpin, Star and Unstar share one shape: a message ID, sent to their endpoint.
 * GET takes it as `msgId` in the query, the POSTs as `messageId` in the body. Get and Pin
 * answer with the message; the others answer with nothing useful, so they return the ID.
 * The POSTs write, so they get the write Options (Batching, Timeout).
 */
export function messageOperation(
	operation: string,
	method: 'GET' | 'POST',
	endpoint: string,
	returns: 'message' | 'messageId',
): OperationModule {
	const properties: INodeProperties[] =
		method === 'POST' ? [messageIdProperty, writeOptions()] : [messageIdProperty];

	return {
		description: updateDisplayOptions({ show: { operation: [operation] } }, properties),
		...(method === 'POST' ? { batching: OPTIONS_BATCHING, timeout: OPTIONS_TIMEOUT } : {}),
		async execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
			// GET /chat.getMessage, POST /chat.pinMessage, /chat.starMessage, /chat.unPinMessage, /chat.unStarMessage (docs/api-map.md)
			const messageId = getMessageId.call(this, i);
			const request = method === 'GET' ? { qs: { msgId: messageId } } : { body: { messageId } };
			const response = (await squadusApiRequest.call(this, method, endpoint, {
				...request,
				itemIndex: i,
			})) as IDataObject;
			return returns === 'message' ? unwrapMessage(response) : { success: true, messageId };
		},
	};
}
