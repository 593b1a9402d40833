import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	requestTimeoutOption,
	updateDisplayOptions,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. BsNr28znDkG8aeo7W',
		description:
			'The ID of the user to log out (another user than the credential’s needs admin rights)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Auth Token',
				name: 'authToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'The session token or personal access token to revoke. Without it, the session of this node’s own credential ends.',
			},
			requestTimeoutOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['logout'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /logout (docs/api-map.md)
	const body: IDataObject = { userID: String(this.getNodeParameter('userId', i)).trim() };
	const { authToken } = this.getNodeParameter('options', i, {}) as IDataObject;
	if (authToken !== undefined && String(authToken).trim() !== '')
		body.authToken = String(authToken).trim();
	const response = (await squadusApiRequest.call(this, 'POST', '/logout', {
		body,
		itemIndex: i,
		secrets: [body.authToken],
	})) as IDataObject;
	// The manual answers { status, message }; Rocket.Chat { status, data: { message } }.
	const data = (response.data ?? {}) as IDataObject;
	return { status: response.status, message: response.message ?? data.message };
}

export const timeout = OPTIONS_TIMEOUT;
