import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	meetingIdField,
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import type { OperationModule } from '../../shared/types';
import { squadusApiRequest } from '../../shared/transport';
import { getUserIds, userListFields, type UserListNames } from '../helpers/users';

const users: UserListNames = {
	list: 'userList',
	listDisplayName: 'Users',
	picked: 'users',
	pickedDisplayName: 'Users',
	typed: 'userIds',
	typedDisplayName: 'User IDs or Usernames',
};

/**
 * Invite by message and invite by call send the same request to two endpoints
 * (manual 3.8.8 and 3.8.9).
 */
export function inviteOperation(operation: string, endpoint: string): OperationModule {
	const properties: INodeProperties[] = [
		meetingIdField({
			description: 'The meeting to invite the users to: the _id of the conference',
		}),
		...userListFields(users),
		writeOptions(),
	];
	return {
		description: updateDisplayOptions({ show: { operation: [operation] } }, properties),
		batching: OPTIONS_BATCHING,
		timeout: OPTIONS_TIMEOUT,
		async execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
			const meetingId = (this.getNodeParameter('meetingId', i) as string).trim();
			const userIds = await getUserIds.call(this, i, users, { required: true });
			await squadusApiRequest.call(this, 'POST', endpoint, {
				body: { meetingId, userIds },
				itemIndex: i,
			});
			return { success: true, meetingId, userIds };
		},
	};
}
