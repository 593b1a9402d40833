import type { INodeProperties } from 'n8n-workflow';

import * as login from './login.operation';
import * as loginWithOAuth from './loginWithOAuth.operation';
import * as loginWithSaml from './loginWithSaml.operation';
import * as logout from './logout.operation';

export const operations = { login, loginWithSaml, loginWithOAuth, logout };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Log In',
			value: 'login',
			action: 'Log in with a username and password',
			description: 'Get a session token for a user; the output contains a secret',
		},
		{
			name: 'Log In With OAuth Token',
			value: 'loginWithOAuth',
			action: 'Log in with an identity provider token',
			description:
				'Exchange an OAuth provider token for a session token; the output contains a secret',
		},
		{
			name: 'Log In With SAML Token',
			value: 'loginWithSaml',
			action: 'Log in with a SAML token',
			description:
				'Exchange a SAML credential token for a session token; the output contains a secret',
		},
		{
			name: 'Log Out',
			value: 'logout',
			action: 'Log out a user',
			description: 'End a session or revoke a token',
		},
	],
	default: 'login',
};

export const descriptions: INodeProperties[] = [
	...login.description,
	...loginWithSaml.description,
	...loginWithOAuth.description,
	...logout.description,
];
