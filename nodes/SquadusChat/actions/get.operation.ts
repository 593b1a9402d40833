// GET /chat.getMessage (docs/api-map.md)
import { messageOperation } from './messageOperation';

export const { description, execute, batching, timeout, simplify } = messageOperation(
	'get',
	'GET',
	'/chat.getMessage',
	'message',
);
