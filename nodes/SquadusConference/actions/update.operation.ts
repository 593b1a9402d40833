import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import {
	conferenceLocator,
	simplifyField,
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { simplifyConference } from '../../shared/helpers/simplify';
import { getConferenceNumber } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';
import { buildConference, updateFields } from '../helpers/fields';

const properties: INodeProperties[] = [
	conferenceLocator({ description: 'The conference to update' }),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The fields to change; a conference’s room and type cannot change',
		options: updateFields(),
	},
	simplifyField(),
	writeOptions(),
];

export const description = updateDisplayOptions({ show: { operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// PUT /scc.updateConference (docs/api-map.md)
	const number = getConferenceNumber.call(this, i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes = await buildConference.call(this, i, fields);
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'The parameter "Update Fields" is empty', {
			itemIndex: i,
			description: 'Add at least one field to change, e.g. Name or Planned Start',
		});
	}
	const response = (await squadusApiRequest.call(this, 'PUT', '/scc.updateConference', {
		body: { conference: { number, ...changes } },
		itemIndex: i,
	})) as IDataObject;
	return response.data as IDataObject;
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
export const simplify = simplifyConference;
