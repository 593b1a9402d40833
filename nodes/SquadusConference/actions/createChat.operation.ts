import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	meetingIdField,
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { squadusApiRequest } from '../../shared/transport';
import { chatRoom } from '../helpers/chat';

const properties: INodeProperties[] = [
	meetingIdField({ description: 'The meeting to create a chat for: the _id of the conference' }),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Weekly sync chat',
		description: 'The chat’s name',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. Notes and links for the weekly sync',
		description: 'What the chat is about',
	},
	{
		displayName: 'Show Chat',
		name: 'showChat',
		type: 'boolean',
		default: true,
		description: 'Whether participants see the chat during the conference',
	},
	{
		displayName: 'Persistent Chat',
		name: 'persistentChat',
		type: 'boolean',
		default: false,
		description: 'Whether the chat stays available after the conference ends',
	},
	writeOptions(),
];

export const description = updateDisplayOptions(
	{ show: { operation: ['createChat'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /conference.createChat (docs/api-map.md)
	const body = {
		meetingId: (this.getNodeParameter('meetingId', i) as string).trim(),
		name: (this.getNodeParameter('name', i) as string).trim(),
		description: this.getNodeParameter('description', i, '') as string,
		showChat: this.getNodeParameter('showChat', i) as boolean,
		persistentChat: this.getNodeParameter('persistentChat', i) as boolean,
	};
	const response = (await squadusApiRequest.call(this, 'POST', '/conference.createChat', {
		body,
		itemIndex: i,
	})) as IDataObject;
	return chatRoom(response);
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
