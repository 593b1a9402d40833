// POST /channels.removeOwner (docs/api-map.md)
import { roleOperation } from './role.factory';

export const { description, execute, batching, timeout } = roleOperation(
	'removeOwner',
	'/channels.removeOwner',
	'The user whose owner role to remove',
);
