import type { INodeProperties } from 'n8n-workflow';

import * as close from './close.operation';
import * as create from './create.operation';

export const operations = { create, close };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a direct message',
			description: 'Open a direct message with one user, or a group direct message with several',
		},
		{
			name: 'Close',
			value: 'close',
			action: 'Close a direct message',
			description: 'Hide a direct message from your list',
		},
	],
	default: 'create',
};

export const descriptions: INodeProperties[] = [...create.description, ...close.description];
