import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { conferenceLocator, simplifyField, updateDisplayOptions } from '../../shared/descriptions';
import { simplifyConference } from '../../shared/helpers/simplify';
import { getConferenceNumber } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	conferenceLocator({ description: 'The conference to get' }),
	simplifyField(),
];

export const description = updateDisplayOptions({ show: { operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// GET /scc.getConferenceInfo (docs/api-map.md)
	const conferenceNumber = getConferenceNumber.call(this, i);
	const response = (await squadusApiRequest.call(this, 'GET', '/scc.getConferenceInfo', {
		qs: { conferenceNumber },
		itemIndex: i,
	})) as IDataObject;
	return response.data as IDataObject;
}

export const simplify = simplifyConference;
