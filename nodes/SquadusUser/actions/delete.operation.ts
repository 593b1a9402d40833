import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	updateDisplayOptions,
	userLocator,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { getUserRef, lookUpUser } from '../../shared/helpers';
import { manualThenRocketChat } from '../../shared/helpers/compat';
import { squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	userLocator({ description: 'The user to delete' }),
	writeOptions(),
];

export const description = updateDisplayOptions({ show: { operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /users.delete (docs/api-map.md)
	// The server wants both the ID and the username, so the one not given is looked up.
	const user = await lookUpUser.call(this, getUserRef.call(this, i), i);
	const userId = user._id as string;
	const username = user.username as string;
	// The manual (POST /users.delete, docs/api-map.md) puts userID and userName in the query; Rocket.Chat reads the user from the
	// body (getUserFromParams) and refuses a request without one.
	await manualThenRocketChat(
		async () =>
			await squadusApiRequest.call(this, 'POST', '/users.delete', {
				qs: { userID: userId, userName: username },
				itemIndex: i,
			}),
		async () =>
			await squadusApiRequest.call(this, 'POST', '/users.delete', {
				body: { userId },
				itemIndex: i,
			}),
		['invalid-params', 'error-user-param-not-provided'],
	);
	return { deleted: true, userId, username };
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
