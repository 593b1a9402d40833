// POST /chat.unPinMessage (docs/api-map.md)
import { messageOperation } from './message.factory';

export const { description, execute, batching, timeout } = messageOperation(
	'unpin',
	'POST',
	'/chat.unPinMessage',
	'messageId',
);
