import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { squadusApiRequest } from '../../shared/transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /users.active-sessions/terminateOther (docs/api-map.md)
	await squadusApiRequest.call(this, 'POST', '/users.active-sessions/terminateOther', {
		itemIndex: i,
	});
	return { success: true };
}
