import type { INodeProperties } from 'n8n-workflow';

// Stub: each operation gets its own <operation>.operation.ts file, imported here.
export const operations = {};

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [],
	default: '',
};

export const descriptions: INodeProperties[] = [];
