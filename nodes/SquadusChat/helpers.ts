import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { isEmptyDate, toEpochMilliseconds } from '../shared/helpers/dates';

/** The Message ID field every operation on an existing message shows. */
export const messageIdProperty: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. k8fQ3oT6KQaXe5zbu',
	description: 'The ID of the message (the "_id" of a sent or received message)',
};

export function getMessageId(this: IExecuteFunctions, i: number): string {
	return String(this.getNodeParameter('messageId', i)).trim();
}

/** The message of an answer: Rocket.Chat wraps it as `{ message }`, the manual shows it flat. */
export function unwrapMessage(response: IDataObject): IDataObject {
	if (typeof response.message === 'object' && response.message !== null) {
		return response.message as IDataObject;
	}
	return withoutSuccess(response);
}

/** An answer without its `success` flag (errors never reach the operation). */
export function withoutSuccess(response: IDataObject): IDataObject {
	const copy = { ...response };
	delete copy.success;
	return copy;
}

/** UI field name → API attachment key, for the plain string fields. */
const ATTACHMENT_KEYS: Record<string, string> = {
	title: 'title',
	titleLink: 'title_link',
	text: 'text',
	color: 'color',
	imageUrl: 'image_url',
	audioUrl: 'audio_url',
	videoUrl: 'video_url',
	thumbUrl: 'thumb_url',
	authorName: 'author_name',
	authorLink: 'author_link',
	authorIcon: 'author_icon',
	messageLink: 'message_link',
};

interface AttachmentUi extends IDataObject {
	collapsed?: boolean;
	timestamp?: string;
	fields?: { field?: Array<{ short?: boolean; title?: string; value?: string }> };
}

/** Attachments built in the UI, in the API's shape; entries left blank are dropped. */
export function attachmentsFromUi(
	this: IExecuteFunctions,
	entries: AttachmentUi[],
	i: number,
): IDataObject[] {
	return entries
		.map((entry) => {
			const attachment: IDataObject = {};
			for (const [field, key] of Object.entries(ATTACHMENT_KEYS)) {
				const value = entry[field];
				if (typeof value === 'string' && value.trim() !== '') attachment[key] = value;
			}
			if (entry.collapsed === true) attachment.collapsed = true;
			if (!isEmptyDate(entry.timestamp)) {
				const millis = toEpochMilliseconds.call(this, entry.timestamp, i, 'Timestamp');
				attachment.ts = new Date(millis).toISOString();
			}
			const fields = (entry.fields?.field ?? []).filter((field) => field.title || field.value);
			if (fields.length > 0) {
				attachment.fields = fields.map(({ short, title, value }) => ({
					short: short === true,
					title: title ?? '',
					value: value ?? '',
				}));
			}
			return attachment;
		})
		.filter((attachment) => Object.keys(attachment).length > 0);
}

/** Whether text is valid JSON, or valid JSON cut short (fails only at its end). */
function isJsonPrefix(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch (error) {
		const { message } = error as Error;
		const stated = /position (\d+)/.exec(message);
		return message.includes('end of JSON input') || (!!stated && Number(stated[1]) >= text.length);
	}
}

/**
 * Line and column of a JSON syntax error. V8 states the position for some errors only
 * ("Unexpected token" has none), so it is found as the longest prefix that is still valid.
 */
export function jsonErrorPlace(text: string, error: Error): string {
	const stated = /position (\d+)/.exec(error.message);
	let position = stated ? Number(stated[1]) : 0;
	if (!stated) {
		let high = text.length;
		while (position < high) {
			const middle = Math.ceil((position + high) / 2);
			if (isJsonPrefix(text.slice(0, middle))) position = middle;
			else high = middle - 1;
		}
	}
	const before = text.slice(0, position).split('\n');
	return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/** Attachments given as JSON: an array of attachment objects, as the API takes them. */
export function attachmentsFromJson(
	this: IExecuteFunctions,
	raw: unknown,
	i: number,
	displayName: string,
): IDataObject[] {
	let value = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return [];
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw new NodeOperationError(
				this.getNode(),
				`The parameter "${displayName}" is not valid JSON: ${(error as Error).message} (${jsonErrorPlace(raw, error as Error)})`,
				{
					itemIndex: i,
					description: 'Enter a JSON array such as [{"title": "Report", "text": "Done"}]',
				},
			);
		}
	}
	const isObject = (entry: unknown) =>
		typeof entry === 'object' && entry !== null && !Array.isArray(entry);
	if (!Array.isArray(value) || !value.every(isObject)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "${displayName}" must be an array of attachment objects`,
			{
				itemIndex: i,
				description: `Wrap the attachments in [ ], e.g. [{"title": "Report", "color": "#36a64f"}]; got ${JSON.stringify(value)?.slice(0, 80)}`,
			},
		);
	}
	return value as IDataObject[];
}
