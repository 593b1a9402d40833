import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { isEmptyDate, toEpochMilliseconds } from '../../shared/helpers/dates';
import { parseJsonParameter } from '../../shared/helpers/json';

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

/** Attachments given as JSON: an array of attachment objects, as the API takes them. */
export function attachmentsFromJson(
	this: IExecuteFunctions,
	raw: unknown,
	i: number,
	displayName: string,
): IDataObject[] {
	if (typeof raw === 'string' && raw.trim() === '') return [];
	const value = parseJsonParameter.call(
		this,
		raw,
		displayName,
		i,
		'Enter a JSON array such as [{"title": "Report", "text": "Done"}]',
	);
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
