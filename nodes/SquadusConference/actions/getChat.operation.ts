import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { meetingIdField, updateDisplayOptions } from '../../shared/descriptions';
import { squadusApiRequest } from '../../shared/transport';
import { chatRoom } from '../helpers/chat';

const properties: INodeProperties[] = [
	meetingIdField({ description: 'The meeting whose chat to get: the _id of the conference' }),
];

export const description = updateDisplayOptions({ show: { operation: ['getChat'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// GET /conference.getChat (docs/api-map.md)
	const meetingId = (this.getNodeParameter('meetingId', i) as string).trim();
	const response = (await squadusApiRequest.call(this, 'GET', '/conference.getChat', {
		qs: { meetingId },
		itemIndex: i,
	})) as IDataObject;
	return chatRoom(response);
}
