import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { squadusApiRequest } from '../../shared/transport';
import {
	feedPage,
	PAGE_SIZE,
	readNewer,
	toMillis,
	type Feed,
	type Position,
	type Read,
} from '../feed';
import { keepMessages, messageFeed, messageId, messageTime } from './messages';

/** Watches every direct message of the credential's user: no fields besides the options. */
export const description: INodeProperties[] = [];

export function key(): string {
	return 'newDirectMessage';
}

export const timeOf = messageTime;
export const idOf = messageId;

/**
 * The user's direct messages by last activity (`lm`), newest first. A room's id in this feed is
 * its last message's id, so a room whose last message was already seen is not read again.
 */
function roomFeed(this: IPollFunctions): Feed {
	return {
		page: async (offset) => {
			const response = (await squadusApiRequest.call(this, 'GET', '/im.list', {
				qs: { sort: JSON.stringify({ lm: -1 }), offset, count: PAGE_SIZE },
			})) as IDataObject;
			return feedPage(response, 'ims');
		},
		timeOf: (room) => toMillis(room.lm),
		idOf: (room) => String((room.lastMessage as IDataObject | undefined)?._id ?? room._id),
	};
}

// Rocket.Chat im.list + im.messages
export async function read(
	this: IPollFunctions,
	since: Position | undefined,
	all: boolean,
): Promise<Read> {
	const rooms = await readNewer(roomFeed.call(this), since, all);
	const messages: IDataObject[] = [];
	for (const room of rooms.items) {
		const feed = messageFeed.call(this, '/im.messages', { roomId: room._id });
		messages.push(...(await readNewer(feed, since, all)).items);
	}
	return { items: messages, covered: rooms.covered };
}

/** Drops the user's own messages (unless Include My Own Messages is on), then applies the filters. */
export async function keep(this: IPollFunctions, messages: IDataObject[]): Promise<IDataObject[]> {
	let kept = keepMessages.call(this, messages);
	if (kept.length && !(this.getNodeParameter('options.includeOwnMessages', false) as boolean)) {
		const me = (await squadusApiRequest.call(this, 'GET', '/me')) as IDataObject;
		kept = kept.filter((message) => (message.u as IDataObject | undefined)?._id !== me._id);
	}
	return kept;
}
