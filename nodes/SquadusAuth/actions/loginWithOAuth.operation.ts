import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { methodCallLoginBody } from '../../shared/transport/login';
import { anonymousLogin } from '../helpers/login';
import { updateDisplayOptions } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Service Name',
		name: 'serviceName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. keycloak',
		description: 'The OAuth provider as registered in the Squadus admin panel',
	},
	{
		displayName: 'Access Token',
		name: 'accessToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The access token the OAuth provider issued',
	},
	{
		displayName: 'Expires In',
		name: 'expiresIn',
		type: 'number',
		typeOptions: { minValue: 0 },
		required: true,
		default: 3600,
		description: 'How long the access token is valid, in seconds',
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['loginWithOAuth'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /method.callAnon/login (docs/api-map.md)
	const loginRequest = {
		serviceName: String(this.getNodeParameter('serviceName', i)).trim(),
		accessToken: String(this.getNodeParameter('accessToken', i)).trim(),
		expiresIn: this.getNodeParameter('expiresIn', i) as number,
	};
	return await anonymousLogin.call(
		this,
		i,
		'/method.callAnon/login',
		loginRequest,
		methodCallLoginBody(loginRequest),
	);
}
