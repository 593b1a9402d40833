// POST /chat.pinMessage (docs/api-map.md)
import { messageOperation } from './message.factory';

export const { description, execute, batching, timeout } = messageOperation(
	'pin',
	'POST',
	'/chat.pinMessage',
	'message',
);
