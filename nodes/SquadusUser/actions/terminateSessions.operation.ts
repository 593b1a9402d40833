import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import {
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Session IDs',
		name: 'sessionIds',
		type: 'string',
		// Not `required`: the shared check accepts only text, and an expression may give a list.
		default: '',
		placeholder: 'e.g. bH2uQzJ7kYwPqL3xR or an expression returning a list',
		description:
			'The sessions to end, separated by commas, or a list from an expression (see Get Active Sessions)',
	},
	writeOptions(),
];

export const description = updateDisplayOptions(
	{ show: { operation: ['terminateSessions'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /users.active-sessions/terminate (docs/api-map.md)
	const raw = this.getNodeParameter('sessionIds', i) as string | string[];
	const sessionIds = (Array.isArray(raw) ? raw : String(raw).split(','))
		.map((id) => String(id).trim())
		.filter(Boolean);
	if (sessionIds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The parameter "Session IDs" is empty', {
			itemIndex: i,
			description: 'Enter one or more session IDs, separated by commas',
		});
	}
	await squadusApiRequest.call(this, 'POST', '/users.active-sessions/terminate', {
		body: { sessionIds },
		itemIndex: i,
	});
	return { success: true, sessionIds };
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
