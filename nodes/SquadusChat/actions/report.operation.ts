import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { squadusApiRequest } from '../../shared/transport';
import { getMessageId, messageIdProperty } from '../helpers/messages';

const properties: INodeProperties[] = [
	messageIdProperty,
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		placeholder: 'e.g. Spam with a phishing link',
		description: 'Why the message is reported; the administrators see this text',
	},
	writeOptions(),
];

export const description = updateDisplayOptions({ show: { operation: ['report'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /chat.reportMessage (docs/api-map.md)
	const messageId = getMessageId.call(this, i);
	const text = String(this.getNodeParameter('description', i)).trim();
	await squadusApiRequest.call(this, 'POST', '/chat.reportMessage', {
		body: { messageId, description: text },
		itemIndex: i,
	});
	return { success: true, messageId };
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
