import {
	NodeOperationError,
	type IDataObject,
	type INodeParameterResourceLocator,
	type IPollFunctions,
} from 'n8n-workflow';

import { channelLocator, updateDisplayOptions } from '../../shared/descriptions';
import { squadusApiRequest } from '../../shared/transport';
import { readNewer, type Position, type Read } from '../feed';
import { keepMessages, messageFeed, messageId, messageTime } from './messages';

export const description = updateDisplayOptions({ show: { event: ['newChannelMessage'] } }, [
	channelLocator({ description: 'The channel to watch' }),
]);

/** `{ roomId }` or `{ roomName }` for channels.messages. */
function channelRef(this: IPollFunctions): IDataObject {
	const locator = this.getNodeParameter('channel') as INodeParameterResourceLocator;
	const value = String(locator.value ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), 'The parameter "Channel" is empty', {
			description: 'Pick the channel to watch from the list, or enter its ID or name',
		});
	}
	return locator.mode === 'name' ? { roomName: value.replace(/^#/, '') } : { roomId: value };
}

export function key(this: IPollFunctions): string {
	const ref = channelRef.call(this);
	return `newChannelMessage:${Object.values(ref)[0] as string}`;
}

export const timeOf = messageTime;
export const idOf = messageId;

/**
 * `{ roomId }` for channels.messages: Rocket.Chat requires `roomId` there and refuses `roomName`,
 * so a channel given by name is looked up with channels.info first.
 */
async function channelRoom(this: IPollFunctions): Promise<IDataObject> {
	const ref = channelRef.call(this);
	if ('roomId' in ref) return ref;
	const { channel } = (await squadusApiRequest.call(this, 'GET', '/channels.info', {
		qs: ref,
	})) as { channel: IDataObject };
	return { roomId: channel._id as string };
}

// GET /channels.messages (docs/api-map.md)
export async function read(
	this: IPollFunctions,
	since: Position | undefined,
	all: boolean,
): Promise<Read> {
	return await readNewer(
		messageFeed.call(this, '/channels.messages', await channelRoom.call(this)),
		since,
		all,
	);
}

export async function keep(this: IPollFunctions, messages: IDataObject[]): Promise<IDataObject[]> {
	return keepMessages.call(this, messages);
}
