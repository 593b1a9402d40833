// POST /channels.addOwner (docs/api-map.md)
import { roleOperation } from './role.factory';

export const { description, execute, batching, timeout } = roleOperation(
	'addOwner',
	'/channels.addOwner',
	'The user to make an owner of the channel',
);
