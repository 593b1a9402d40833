import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { squadusApiRequestAllItems } from '../transport';

/** Limit as a number, also when an expression or a model gives it as text ("20"). */
function readLimit(this: IExecuteFunctions, itemIndex: number): number {
	const raw = this.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(
			this.getNode(),
			'The parameter "Limit" must be a whole number of at least 1',
			{
				itemIndex,
				description: `Set Limit to a number such as 20, or turn on Return All; got ${JSON.stringify(raw)}`,
			},
		);
	}
	return limit;
}

/** Return All / Limit for one item, paged through the API. */
export async function getList(
	this: IExecuteFunctions,
	itemIndex: number,
	endpoint: string,
	listKeys: string[],
	qs: IDataObject,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : readLimit.call(this, itemIndex);
	return await squadusApiRequestAllItems.call(this, 'GET', endpoint, {
		qs,
		listKeys,
		returnAll,
		limit,
		itemIndex,
	});
}
