import { inviteOperation } from './inviteOperation';

// POST /conference.inviteUsers (docs/api-map.md)
export const { description, execute, batching, timeout } = inviteOperation(
	'inviteByMessage',
	'/conference.inviteUsers',
);
