import { channelOperation } from './channel.factory';

// POST /channels.close (docs/api-map.md)
export const { description, execute, batching, timeout } = channelOperation(
	'hide',
	'/channels.close',
	'The channel to hide from your list of channels',
	(roomId) => ({ success: true, roomId }),
);
