import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { squadusApiRequest } from '../../shared/transport';
import { feedPage, PAGE_SIZE, toMillis, type Feed } from '../feed';

/** A room's messages newest first: `endpoint` is channels.messages or im.messages. */
export function messageFeed(this: IPollFunctions, endpoint: string, room: IDataObject): Feed {
	return {
		page: async (offset) => {
			const response = (await squadusApiRequest.call(this, 'GET', endpoint, {
				qs: { ...room, sort: JSON.stringify({ ts: -1 }), offset, count: PAGE_SIZE },
			})) as IDataObject;
			return feedPage(response, 'messages');
		},
		timeOf: messageTime,
		idOf: messageId,
	};
}

export const messageTime = (message: IDataObject) => toMillis(message.ts);
export const messageId = (message: IDataObject) => String(message._id);

/** Applies the Text Contains and Include System Messages options. */
export function keepMessages(this: IPollFunctions, messages: IDataObject[]): IDataObject[] {
	const text = (this.getNodeParameter('options.textContains', '') as string).toLowerCase();
	const system = this.getNodeParameter('options.includeSystemMessages', false) as boolean;
	return messages.filter(
		(message) =>
			(system || !message.t) &&
			(!text ||
				String(message.msg ?? '')
					.toLowerCase()
					.includes(text)),
	);
}
