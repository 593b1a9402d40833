// Manual 3.5.5
import { roleOperation } from './roleOperation';

export const { description, execute, batching, timeout } = roleOperation(
	'addLeader',
	'/channels.addLeader',
	'The user to make the leader of the channel',
);
