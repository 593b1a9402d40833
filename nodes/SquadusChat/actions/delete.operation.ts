import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	batchingOption,
	requestTimeoutOption,
	roomLocator,
	updateDisplayOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { getRoomId } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';
import { getMessageId, messageIdProperty, withoutSuccess } from '../helpers/messages';

const properties: INodeProperties[] = [
	roomLocator({ description: 'The room (channel, direct message or team) the message is in' }),
	messageIdProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'As User',
				name: 'asUser',
				type: 'boolean',
				default: false,
				description:
					'Whether to delete the message on behalf of its author (as the logs and SIEM show it) rather than on your behalf',
			},
			batchingOption,
			requestTimeoutOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /chat.delete (docs/api-map.md)
	const roomId = getRoomId.call(this, i);
	const msgId = getMessageId.call(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const response = (await squadusApiRequest.call(this, 'POST', '/chat.delete', {
		body: { msgId, roomId, asUser: options.asUser === true },
		itemIndex: i,
	})) as IDataObject;
	return { deleted: true, ...withoutSuccess(response) };
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
