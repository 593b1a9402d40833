import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import {
	ignoreSslIssuesProperty,
	serverAddressProperty,
} from '../nodes/shared/descriptions/credentials';

/**
 * OAuth2 through the identity provider Squadus trusts (e.g. Keycloak). The nodes exchange
 * the provider's access token for a Squadus session (manual 3.1.3) before calling Squadus,
 * and exchange again when n8n refreshes the token.
 */
export class SquadusOAuth2Api implements ICredentialType {
	name = 'squadusOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Squadus OAuth2 API';

	icon = { light: 'file:../icons/squadus.svg', dark: 'file:../icons/squadus.dark.svg' } as const;

	documentationUrl = 'https://github.com/squadus-community/n8n-nodes-squadus#credentials';

	properties: INodeProperties[] = [
		serverAddressProperty,
		{
			displayName: 'OAuth Service Name',
			name: 'serviceName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. keycloak',
			description:
				'The name of the OAuth service as registered in the Squadus administration panel (Administration → OAuth)',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
			],
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://sso.example.ru/realms/office/protocol/openid-connect/auth',
			displayOptions: { show: { grantType: ['authorizationCode'] } },
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://sso.example.ru/realms/office/protocol/openid-connect/token',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'openid profile email',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'string',
			default: '',
			placeholder: 'e.g. prompt=consent',
			displayOptions: { show: { grantType: ['authorizationCode'] } },
			description: 'Added to the Authorization URL, e.g. to ask the provider for a refresh token',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Header',
					value: 'header',
					description: 'Send the client ID and secret as Basic Auth header',
				},
				{
					name: 'Body',
					value: 'body',
					description: 'Send the client ID and secret in the body',
				},
			],
			default: 'header',
		},
		ignoreSslIssuesProperty(
			'Whether to connect to Squadus and to the OAuth2 provider even if their certificates cannot be validated, e.g. an internal CA',
		),
		{
			displayName: 'Ignore SSL Issues (Provider)',
			name: 'ignoreSSLIssues',
			type: 'hidden',
			default: '={{$self["ignoreSslIssues"]}}',
		},
	];
}
