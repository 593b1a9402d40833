// POST /chat.starMessage (docs/api-map.md)
import { messageOperation } from './messageOperation';

export const { description, execute, batching, timeout } = messageOperation(
	'star',
	'POST',
	'/chat.starMessage',
	'messageId',
);
