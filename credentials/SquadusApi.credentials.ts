import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { totp } from '../nodes/shared/helpers/totp';
import { apiUrl } from '../nodes/shared/transport/url';

export class SquadusApi implements ICredentialType {
	name = 'squadusApi';

	displayName = 'Squadus API';

	icon = { light: 'file:../icons/squadus.svg', dark: 'file:../icons/squadus.dark.svg' } as const;

	documentationUrl = 'https://github.com/squadus-community/n8n-nodes-squadus#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Session Token',
			name: 'authToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Session User ID',
			name: 'sessionUserId',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Server Address',
			name: 'server',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://im-prod.example.ru',
			description: 'The address of your Squadus server, without /api/v1',
		},
		{
			displayName: 'Username or Email',
			name: 'user',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ivan.petrov',
			description: 'Your Squadus username (firstname.lastname) or email address',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Second Factor',
			name: 'secondFactor',
			type: 'options',
			options: [
				{ name: 'None', value: 'none' },
				{
					name: 'One-Time Code',
					value: 'code',
					description: 'A code you enter by hand; it is valid for one login only',
				},
				{
					name: 'TOTP Secret',
					value: 'totpSecret',
					description: 'The authenticator secret; n8n computes a fresh code at each login',
				},
			],
			default: 'none',
			description: 'Whether the account uses two-factor authentication, and how to answer it',
		},
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			default: '',
			placeholder: 'e.g. 123456',
			displayOptions: { show: { secondFactor: ['code'] } },
		},
		{
			displayName: 'TOTP Secret',
			name: 'totpSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. JBSWY3DPEHPK3PXP',
			description: 'The base32 secret shown when two-factor authentication was set up',
			displayOptions: { show: { secondFactor: ['totpSecret'] } },
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the server certificate cannot be validated, e.g. an internal CA',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const body: Record<string, string> = {
			user: String(credentials.user ?? '').trim(),
			password: String(credentials.password ?? ''),
		};
		if (credentials.secondFactor === 'code' && credentials.code) body.code = String(credentials.code);
		if (credentials.secondFactor === 'totpSecret' && credentials.totpSecret) {
			body.code = totp(String(credentials.totpSecret));
		}
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: apiUrl(credentials.server as string, '/login'),
			body,
			json: true,
			skipSslCertificateValidation: credentials.ignoreSslIssues === true,
		})) as { data: { authToken: string; userId: string } };
		return { authToken: response.data.authToken, sessionUserId: response.data.userId };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-Auth-Token': '={{$credentials.authToken}}',
				'X-User-Id': '={{$credentials.sessionUserId}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.server.replace(/\\/+$/, "").replace(/\\/api\\/v1$/i, "")}}/api/v1',
			url: '/me',
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
	};
}
