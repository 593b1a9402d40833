// Manual 3.5.12
import { roleOperation } from './roleOperation';

export const { description, execute, batching, timeout } = roleOperation(
	'removeLeader',
	'/channels.removeLeader',
	'The user whose leader role to remove',
);
