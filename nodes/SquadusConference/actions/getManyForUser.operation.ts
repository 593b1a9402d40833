import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { conferenceListFields, getConferenceList } from '../helpers/lists';
import { updateDisplayOptions } from '../../shared/descriptions';

const properties: INodeProperties[] = conferenceListFields([
	'hasRecords',
	'name',
	'rid',
	'role',
	'sort',
	'sortOrder',
	'status',
	'userId',
]);

export const description = updateDisplayOptions(
	{ show: { operation: ['getManyForUser'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	// Manual 3.8.13
	return await getConferenceList.call(this, i, '/scc.getUserConferences');
}
