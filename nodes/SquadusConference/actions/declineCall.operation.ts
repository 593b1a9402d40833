import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { conferenceLocator, roomLocator, updateDisplayOptions } from '../../shared/descriptions';
import { getConferenceNumber, getRoomId } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';
import { skipTokenField } from '../helpers/common';

const properties: INodeProperties[] = [
	roomLocator({ description: 'The room the call comes from' }),
	conferenceLocator({ description: 'The conference of the call' }),
	skipTokenField,
];

export const description = updateDisplayOptions(
	{ show: { operation: ['declineCall'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// Manual 3.8.11
	const rid = getRoomId.call(this, i);
	const conferenceNumber = getConferenceNumber.call(this, i);
	const skipToken = this.getNodeParameter('skipToken', i) as string;
	await squadusApiRequest.call(this, 'POST', '/scc.callSkip', {
		body: { rid, conferenceNumber, skipToken },
		itemIndex: i,
	});
	return { success: true, rid, conferenceNumber };
}
