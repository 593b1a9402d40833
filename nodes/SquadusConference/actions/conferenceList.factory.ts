import { type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/descriptions';
import type { OperationModule } from '../../shared/types';
import { conferenceListFields, getConferenceList } from '../helpers/conferenceLists';

/**
 * Get Many for User and Get Many in My Rooms share one shape: the conference list filters
 * the endpoint takes, sent to it, and the list it answers.
 */
export function conferenceListOperation(
	operation: string,
	endpoint: string,
	fields: Parameters<typeof conferenceListFields>[0],
): OperationModule {
	return {
		description: updateDisplayOptions(
			{ show: { operation: [operation] } },
			conferenceListFields(fields),
		),
		async execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
			return await getConferenceList.call(this, i, endpoint);
		},
	};
}
