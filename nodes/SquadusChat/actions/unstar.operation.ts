// Manual 3.4.7
import { messageOperation } from './messageOperation';

export const { description, execute, batching, timeout } = messageOperation(
	'unstar',
	'POST',
	'/chat.unStarMessage',
	'messageId',
);
