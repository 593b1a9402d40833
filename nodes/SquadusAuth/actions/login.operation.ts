import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	requestTimeoutOption,
	updateDisplayOptions,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { anonymousLogin } from '../helpers/login';

const properties: INodeProperties[] = [
	{
		displayName: 'User',
		name: 'user',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ivan.petrov or ivan.petrov@example.ru',
		description: 'The username (firstname.lastname) or email address to log in with',
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Second-Factor Code',
				name: 'code',
				type: 'string',
				default: '',
				placeholder: 'e.g. 123456',
				description:
					'The current code from the authenticator app, if the account uses two-factor authentication',
			},
			requestTimeoutOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['login'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /login (docs/api-map.md)
	const body: IDataObject = {
		user: String(this.getNodeParameter('user', i)).trim(),
		password: this.getNodeParameter('password', i) as string,
	};
	const { code } = this.getNodeParameter('options', i, {}) as IDataObject;
	if (code !== undefined && String(code).trim() !== '') body.code = String(code).trim();
	return await anonymousLogin.call(this, i, '/login', body);
}

export const timeout = OPTIONS_TIMEOUT;
