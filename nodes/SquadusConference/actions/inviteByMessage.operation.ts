import { inviteOperation } from './inviteOperation';

// Manual 3.8.8
export const { description, execute, batching, timeout } = inviteOperation(
	'inviteByMessage',
	'/conference.inviteUsers',
);
