import { inviteOperation } from './invite.factory';

// POST /conference.callUsers (docs/api-map.md; the manual's heading names inviteUsers, the request goes to callUsers)
export const { description, execute, batching, timeout } = inviteOperation(
	'inviteByCall',
	'/conference.callUsers',
);
