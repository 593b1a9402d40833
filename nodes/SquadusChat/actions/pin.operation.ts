// POST /chat.pinMessage (docs/api-map.md)
import { messageOperation } from './messageOperation';

export const { description, execute, batching, timeout, simplify } = messageOperation(
	'pin',
	'POST',
	'/chat.pinMessage',
	'message',
);
