import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getActiveSessions from './getActiveSessions.operation';
import * as terminateOtherSessions from './terminateOtherSessions.operation';
import * as terminateSessions from './terminateSessions.operation';

export const operations = {
	create,
	delete: del,
	get,
	getActiveSessions,
	terminateSessions,
	terminateOtherSessions,
};

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a user',
			description: 'Create a user account (needs the create-user permission)',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a user',
			description: 'Delete a user account (needs the delete-user permission)',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a user',
			description: 'Get a user by ID or username',
		},
		{
			name: 'Get Active Sessions',
			value: 'getActiveSessions',
			action: 'Get active sessions',
			description: 'List the active sessions of the account, one item per session',
		},
		{
			name: 'Terminate All Other Sessions',
			value: 'terminateOtherSessions',
			action: 'Terminate all other sessions',
			description: 'End every session of the account except the one n8n uses',
		},
		{
			name: 'Terminate Sessions',
			value: 'terminateSessions',
			action: 'Terminate sessions',
			description: 'End one or more sessions by ID',
		},
	],
	default: 'create',
};

export const descriptions: INodeProperties[] = [
	...create.description,
	...del.description,
	...get.description,
	...getActiveSessions.description,
	...terminateSessions.description,
	...terminateOtherSessions.description,
];
