import { inviteOperation } from './inviteOperation';

// Manual 3.8.8
export const { description, execute } = inviteOperation(
	'inviteByMessage',
	'/conference.inviteUsers',
);
