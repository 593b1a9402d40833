import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { squadusApiRequestAllItems } from '../transport';

/** How many users a list of users offers; beyond that, give IDs or usernames with an expression. */
export const USER_OPTIONS_LIMIT = 1000;

/** Active users by name, for the list fields of users (Invitations, Users, Invited Users). */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	// GET /users.list (docs/api-map.md)
	const users = await squadusApiRequestAllItems.call(this, 'GET', '/users.list', {
		qs: { sort: JSON.stringify({ username: 1 }) },
		listKeys: ['users'],
		returnAll: false,
		limit: USER_OPTIONS_LIMIT,
	});
	return users
		.filter((user) => typeof user.username === 'string' && user.active !== false)
		.map((user) => ({
			name: user.name
				? `${user.name as string} (@${user.username as string})`
				: `@${user.username as string}`,
			value: user._id as string,
		}));
}
