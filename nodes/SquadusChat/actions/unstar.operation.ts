// POST /chat.unStarMessage (docs/api-map.md)
import { messageOperation } from './message.factory';

export const { description, execute, batching, timeout } = messageOperation(
	'unstar',
	'POST',
	'/chat.unStarMessage',
	'messageId',
);
