// Manual 3.4.4
import { messageOperation } from './messageOperation';

export const { description, execute, batching, timeout } = messageOperation(
	'pin',
	'POST',
	'/chat.pinMessage',
	'message',
);
