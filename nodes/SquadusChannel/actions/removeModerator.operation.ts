// POST /channels.removeModerator (docs/api-map.md)
import { roleOperation } from './role.factory';

export const { description, execute, batching, timeout } = roleOperation(
	'removeModerator',
	'/channels.removeModerator',
	'The user whose moderator role to remove',
);
