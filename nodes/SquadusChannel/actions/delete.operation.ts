import { channelOperation } from './channel.factory';

// POST /channels.delete (docs/api-map.md)
export const { description, execute, batching, timeout } = channelOperation(
	'delete',
	'/channels.delete',
	'The channel to delete',
	() => ({ deleted: true }),
);
