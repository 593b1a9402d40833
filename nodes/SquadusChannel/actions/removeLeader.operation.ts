// POST /channels.removeLeader (docs/api-map.md)
import { roleOperation } from './role.factory';

export const { description, execute, batching, timeout } = roleOperation(
	'removeLeader',
	'/channels.removeLeader',
	'The user whose leader role to remove',
);
