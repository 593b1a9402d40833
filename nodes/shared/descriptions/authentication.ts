import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The three Squadus credentials, each shown for its Authentication choice. */
export const squadusCredentials: INodeCredentialDescription[] = [
	{
		name: 'squadusApi',
		required: true,
		displayOptions: { show: { authentication: ['password'] } },
	},
	{
		name: 'squadusTokenApi',
		required: true,
		displayOptions: { show: { authentication: ['accessToken'] } },
	},
	{
		name: 'squadusOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Password', value: 'password', description: 'Log in with a username and password' },
		{ name: 'Personal Access Token', value: 'accessToken' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'password',
};
