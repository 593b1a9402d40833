import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { conferenceLocator, updateDisplayOptions } from '../../shared/descriptions';
import { getConferenceNumber } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	conferenceLocator({ description: 'The conference to generate a Jitsi access token for' }),
];

export const description = updateDisplayOptions(
	{ show: { operation: ['generateAccessToken'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// GET /scc.generateAccessToken (docs/api-map.md)
	const conferenceNumber = getConferenceNumber.call(this, i);
	const response = (await squadusApiRequest.call(this, 'GET', '/scc.generateAccessToken', {
		qs: { conferenceNumber },
		itemIndex: i,
	})) as IDataObject;
	return { token: response.data };
}
