import type { INodeProperties } from 'n8n-workflow';

import * as configure from './configure.operation';

export const operations = { configure };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Configure',
			value: 'configure',
			action: 'Configure autoupdates',
			description: 'Upload the autoupdate settings file for Squadus clients (admins only)',
		},
	],
	default: 'configure',
};

export const descriptions: INodeProperties[] = [...configure.description];
