// POST /channels.addModerator (docs/api-map.md)
import { roleOperation } from './role.factory';

export const { description, execute, batching, timeout } = roleOperation(
	'addModerator',
	'/channels.addModerator',
	'The user to make a moderator of the channel',
);
