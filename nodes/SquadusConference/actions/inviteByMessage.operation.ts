import { inviteOperation } from './invite.factory';

// POST /conference.inviteUsers (docs/api-map.md)
export const { description, execute, batching, timeout } = inviteOperation(
	'inviteByMessage',
	'/conference.inviteUsers',
);
