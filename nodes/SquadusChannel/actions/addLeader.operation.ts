// POST /channels.addLeader (docs/api-map.md)
import { roleOperation } from './role.factory';

export const { description, execute, batching, timeout } = roleOperation(
	'addLeader',
	'/channels.addLeader',
	'The user to make the leader of the channel',
);
