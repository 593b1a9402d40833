// Manual 3.4.6
import { messageOperation } from './messageOperation';

export const { description, execute, batching, timeout } = messageOperation(
	'unpin',
	'POST',
	'/chat.unPinMessage',
	'messageId',
);
