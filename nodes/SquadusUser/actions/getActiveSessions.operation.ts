import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { squadusApiRequest } from '../../shared/transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	// GET /users.active-sessions (docs/api-map.md)
	// The endpoint has no paging: it returns every session of the credential's user at once.
	const { results } = (await squadusApiRequest.call(this, 'GET', '/users.active-sessions', {
		itemIndex: i,
	})) as { results?: { currentSessionId?: string; sessions?: IDataObject[] } };
	const currentSessionId = results?.currentSessionId;
	return (results?.sessions ?? []).map((session) => ({
		...session,
		isCurrentSession: session.id === currentSessionId,
	}));
}
