import { inviteOperation } from './inviteOperation';

// Manual 3.8.9 (its heading names inviteUsers; the request goes to callUsers)
export const { description, execute, batching, timeout } = inviteOperation(
	'inviteByCall',
	'/conference.callUsers',
);
