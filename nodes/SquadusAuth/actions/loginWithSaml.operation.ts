import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { methodCallLoginBody } from '../../shared/transport/login';
import { anonymousLogin } from '../helpers/login';
import { updateDisplayOptions } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Credential Token',
		name: 'credentialToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description:
			'The SAML credential token (idp_credential_token) the identity provider returned; it works once',
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['loginWithSaml'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /method.callAnon/login (docs/api-map.md)
	const credentialToken = String(this.getNodeParameter('credentialToken', i)).trim();
	return await anonymousLogin.call(
		this,
		i,
		'/method.callAnon/login',
		{ params: { saml: true, credentialToken } },
		methodCallLoginBody({ saml: true, credentialToken }),
	);
}
