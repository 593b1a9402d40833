import type { INodeProperties } from 'n8n-workflow';

import * as deleteRecord from './delete.operation';

export const operations = { delete: deleteRecord };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a meeting record',
			description: 'Delete the recording of a meeting',
		},
	],
	default: 'delete',
};

export const descriptions: INodeProperties[] = [...deleteRecord.description];
