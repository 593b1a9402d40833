import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { squadusApiRequestAllItems } from '../transport';

/** Return All / Limit for one item, paged through the API. */
export async function getList(
	this: IExecuteFunctions,
	itemIndex: number,
	endpoint: string,
	listKeys: string[],
	qs: IDataObject,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return await squadusApiRequestAllItems.call(this, 'GET', endpoint, {
		qs,
		listKeys,
		returnAll,
		limit,
		itemIndex,
	});
}
