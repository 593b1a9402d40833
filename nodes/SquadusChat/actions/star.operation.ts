// Manual 3.4.5
import { messageOperation } from './messageOperation';

export const { description, execute, batching, timeout } = messageOperation(
	'star',
	'POST',
	'/chat.starMessage',
	'messageId',
);
