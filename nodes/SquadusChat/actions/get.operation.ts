// GET /chat.getMessage (docs/api-map.md)
import { messageOperation } from './message.factory';

export const { description, execute, batching, timeout } = messageOperation(
	'get',
	'GET',
	'/chat.getMessage',
	'message',
);
