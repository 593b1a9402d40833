// Manual 3.4.3
import { messageOperation } from './messageOperation';

export const { description, execute, batching, timeout } = messageOperation(
	'get',
	'GET',
	'/chat.getMessage',
	'message',
);
