import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	roomLocator,
	simplifyField,
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { simplifyConference } from '../../shared/helpers/simplify';
import { resolveRoomId } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';
import { buildConference, conferenceNameField, createFields } from '../helpers/fields';

const properties: INodeProperties[] = [
	{ ...conferenceNameField, required: true },
	roomLocator({ description: 'The room the conference belongs to; its link is posted there' }),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: createFields(),
	},
	simplifyField(),
	writeOptions(),
];

export const description = updateDisplayOptions({ show: { operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /scc.createConference (docs/api-map.md)
	const name = (this.getNodeParameter('name', i) as string).trim();
	const rid = await resolveRoomId.call(this, i);
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const conference = { ...(await buildConference.call(this, i, { ...fields, name })), rid };
	const response = (await squadusApiRequest.call(this, 'POST', '/scc.createConference', {
		body: { conference },
		itemIndex: i,
	})) as IDataObject;
	return response.data as IDataObject;
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
export const simplify = simplifyConference;
