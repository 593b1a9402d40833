import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { roomLocator, updateDisplayOptions } from '../../shared/descriptions';
import { getRoomId } from '../../shared/helpers';
import { conferenceListFields, getConferenceList } from '../helpers/conferenceLists';

const properties: INodeProperties[] = [
	roomLocator({ description: 'The room whose conferences to list' }),
	...conferenceListFields(['hasRecords', 'name', 'role', 'sort', 'sortOrder', 'status', 'userId']),
];

export const description = updateDisplayOptions(
	{ show: { operation: ['getManyInRoom'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	// GET /scc.getRoomConferences (docs/api-map.md)
	const rid = getRoomId.call(this, i);
	return await getConferenceList.call(this, i, '/scc.getRoomConferences', { rid });
}
