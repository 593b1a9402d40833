// POST /chat.starMessage (docs/api-map.md)
import { messageOperation } from './message.factory';

export const { description, execute, batching, timeout } = messageOperation(
	'star',
	'POST',
	'/chat.starMessage',
	'messageId',
);
