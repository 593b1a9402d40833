import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { squadusApiRequest } from '../../shared/transport';
import { updateDisplayOptions } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Returns one item per video adapter (e.g. Jitsi) with the features it supports',
		name: 'notice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['getFeatures'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	// GET /conference/features (docs/api-map.md)
	const { features } = (await squadusApiRequest.call(this, 'GET', '/conference/features', {
		itemIndex: i,
	})) as { features?: IDataObject };
	return Object.entries(features ?? {}).map(([adapter, flags]) => ({
		adapter,
		...(flags as IDataObject),
	}));
}
