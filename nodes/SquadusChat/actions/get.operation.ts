import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { squadusApiRequest } from '../../shared/transport';
import { getMessageId, messageIdProperty, unwrapMessage } from '../helpers';

const properties: INodeProperties[] = [messageIdProperty];

export const description = updateDisplayOptions({ show: { operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// Manual 3.4.3
	const response = (await squadusApiRequest.call(this, 'GET', '/chat.getMessage', {
		qs: { msgId: getMessageId.call(this, i) },
		itemIndex: i,
	})) as IDataObject;
	return unwrapMessage(response);
}
