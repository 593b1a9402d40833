import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	meetingIdField,
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6332ad28c1205b18bdecf4f3',
		description: 'The record to delete: an ID from the records of Conference → Get Meeting',
	},
	meetingIdField({ description: 'The meeting the record belongs to: the _id of the conference' }),
	writeOptions(),
];

export const description = updateDisplayOptions({ show: { operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// DELETE /meeting/record (docs/api-map.md)
	const id = (this.getNodeParameter('recordId', i) as string).trim();
	const meetingId = (this.getNodeParameter('meetingId', i) as string).trim();
	await squadusApiRequest.call(this, 'DELETE', '/meeting/record', {
		body: { id, meetingId },
		itemIndex: i,
	});
	return { deleted: true, id };
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
