import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export const operations = { getAll };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many changelog entries',
			description: 'List the settings changes administrators made (admins only)',
		},
	],
	default: 'getAll',
};

export const descriptions: INodeProperties[] = [...getAll.description];
