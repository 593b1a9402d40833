// POST /chat.unStarMessage (docs/api-map.md)
import { messageOperation } from './messageOperation';

export const { description, execute, batching, timeout } = messageOperation(
	'unstar',
	'POST',
	'/chat.unStarMessage',
	'messageId',
);
