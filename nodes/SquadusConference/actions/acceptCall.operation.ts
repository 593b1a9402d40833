import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	conferenceLocator,
	meetingIdField,
	roomLocator,
	updateDisplayOptions,
} from '../../shared/descriptions';
import { getConferenceNumber, getRoomId } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';
import { skipTokenField } from '../helpers/common';

const properties: INodeProperties[] = [
	roomLocator({ description: 'The room the call comes from' }),
	meetingIdField({ description: 'The meeting of the call: the _id of the conference' }),
	conferenceLocator({ description: 'The conference of the call' }),
	skipTokenField,
];

export const description = updateDisplayOptions(
	{ show: { operation: ['acceptCall'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// Manual 3.8.10
	const rid = getRoomId.call(this, i);
	const mid = (this.getNodeParameter('meetingId', i) as string).trim();
	const number = getConferenceNumber.call(this, i);
	const skipToken = this.getNodeParameter('skipToken', i) as string;
	await squadusApiRequest.call(this, 'POST', '/scc.acceptCall', {
		body: { rid, mid, number, skipToken },
		itemIndex: i,
	});
	return { success: true, rid, meetingId: mid, conferenceNumber: number };
}
