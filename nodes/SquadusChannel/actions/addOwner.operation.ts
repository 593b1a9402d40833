// Manual 3.5.3
import { roleOperation } from './roleOperation';

export const { description, execute, batching, timeout } = roleOperation(
	'addOwner',
	'/channels.addOwner',
	'The user to make an owner of the channel',
);
