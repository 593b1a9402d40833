import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { conferenceListFields, getConferenceList } from '../helpers/lists';
import { updateDisplayOptions } from '../../shared/descriptions';

const properties: INodeProperties[] = conferenceListFields([
	'sort',
	'sortOrder',
	'startedAfter',
	'status',
]);

export const description = updateDisplayOptions(
	{ show: { operation: ['getManyInMyRooms'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	// Manual 3.8.14
	return await getConferenceList.call(this, i, '/scc.getUserRoomsConferences');
}
