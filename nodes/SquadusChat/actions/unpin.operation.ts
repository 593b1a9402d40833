// POST /chat.unPinMessage (docs/api-map.md)
import { messageOperation } from './messageOperation';

export const { description, execute, batching, timeout } = messageOperation(
	'unpin',
	'POST',
	'/chat.unPinMessage',
	'messageId',
);
