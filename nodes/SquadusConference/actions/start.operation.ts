import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	batchingOption,
	conferenceLocator,
	requestTimeoutOption,
	roomLocator,
	updateDisplayOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { getConferenceNumber, getRoomId } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';
import { getUserIds, hasUserList, userListFields, type UserListNames } from '../helpers/users';

const invited: UserListNames = {
	list: 'invitedUserList',
	listDisplayName: 'Invited Users',
	picked: 'invitedUsers',
	pickedDisplayName: 'Invited Users',
	typed: 'invitedUserIds',
	typedDisplayName: 'Invited User IDs or Usernames',
};

const properties: INodeProperties[] = [
	conferenceLocator({ description: 'The conference to start' }),
	roomLocator({ description: 'The room of the conference, where it starts' }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			batchingOption,
			{
				displayName: 'Invite Everyone in the Room',
				name: 'all',
				type: 'boolean',
				default: false,
				description: 'Whether to invite every member of the room',
			},
			...userListFields(invited),
			{
				displayName: 'Notify',
				name: 'notify',
				type: 'boolean',
				default: true,
				description: 'Whether to notify the invited users that the conference has started',
			},
			requestTimeoutOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['start'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /scc.startConference (docs/api-map.md)
	const conferenceNumber = getConferenceNumber.call(this, i);
	const rid = getRoomId.call(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = { conferenceNumber, rid };
	if (options.notify !== undefined) body.notify = options.notify;
	if (options.all !== undefined) body.all = options.all;
	if (hasUserList(options, invited)) {
		body.invitedUsersIds = await getUserIds.call(this, i, invited, { values: options });
	}
	await squadusApiRequest.call(this, 'POST', '/scc.startConference', { body, itemIndex: i });
	return { success: true, conferenceNumber, rid };
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
