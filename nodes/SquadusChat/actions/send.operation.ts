import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import {
	batchingOption,
	channelLocator,
	requestTimeoutOption,
	roomLocator,
	updateDisplayOptions,
	userLocator,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { getChannelRef, getUserRef, lookUpUser } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';
import { attachmentsFromJson, attachmentsFromUi, unwrapMessage } from '../helpers/messages';

const attachmentFields: INodeProperties[] = [
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	{
		displayName: 'Title Link',
		name: 'titleLink',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/report',
		description: 'The URL the title links to',
	},
	{ displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 2 }, default: '' },
	{
		displayName: 'Color',
		name: 'color',
		type: 'color',
		default: '',
		description: 'The color of the bar on the left of the attachment',
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/chart.png',
	},
	{ displayName: 'Audio URL', name: 'audioUrl', type: 'string', default: '' },
	{ displayName: 'Video URL', name: 'videoUrl', type: 'string', default: '' },
	{
		displayName: 'Thumbnail URL',
		name: 'thumbUrl',
		type: 'string',
		default: '',
		description: 'The URL of a small image shown on the right of the attachment',
	},
	{ displayName: 'Author Name', name: 'authorName', type: 'string', default: '' },
	{
		displayName: 'Author Link',
		name: 'authorLink',
		type: 'string',
		default: '',
		description: 'The URL the author name links to',
	},
	{
		displayName: 'Author Icon',
		name: 'authorIcon',
		type: 'string',
		default: '',
		description: 'The URL of an icon shown next to the author name',
	},
	{
		displayName: 'Collapsed',
		name: 'collapsed',
		type: 'boolean',
		default: false,
		description: 'Whether the attachment is shown collapsed until clicked',
	},
	{
		displayName: 'Message Link',
		name: 'messageLink',
		type: 'string',
		default: '',
		description: 'The URL the timestamp links to',
	},
	{
		displayName: 'Timestamp',
		name: 'timestamp',
		type: 'dateTime',
		default: '',
		description: 'The time shown on the attachment',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description: 'Title and value pairs shown as a table in the attachment',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Short',
						name: 'short',
						type: 'boolean',
						default: false,
						description: 'Whether the field is short enough to be shown next to another field',
					},
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

const properties: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		options: [
			{ name: 'Channel', value: 'channel', description: 'Post in a channel' },
			{ name: 'User', value: 'user', description: 'Send a direct message to a user' },
			{
				name: 'Room',
				value: 'room',
				description: 'Post in any room you are in (channel, direct message or team) by its ID',
			},
		],
		default: 'channel',
	},
	channelLocator({
		description: 'The channel to post in',
		displayOptions: { show: { sendTo: ['channel'] } },
	}),
	userLocator({
		description: 'The user to send a direct message to',
		displayOptions: { show: { sendTo: ['user'] } },
	}),
	roomLocator({
		description: 'The room (channel, direct message or team) to post in',
		displayOptions: { show: { sendTo: ['room'] } },
	}),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'e.g. The build passed :tada:',
		description:
			'The message text (Markdown, @mentions and #channels work as in Squadus); may be empty when the message has attachments',
	},
	{
		displayName: 'Attachments Input',
		name: 'attachmentsInput',
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'fields',
	},
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attachment',
		default: {},
		displayOptions: { show: { attachmentsInput: ['fields'] } },
		options: [{ displayName: 'Attachment', name: 'attachment', values: attachmentFields }],
	},
	{
		displayName: 'Attachments (JSON)',
		name: 'attachmentsJson',
		type: 'json',
		default: '[]',
		displayOptions: { show: { attachmentsInput: ['json'] } },
		description:
			'An array of attachments as the API takes them, e.g. [{"title": "Report", "color": "#36a64f", "fields": [{"short": true, "title": "Status", "value": "Done"}]}]',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Alias',
				name: 'alias',
				type: 'string',
				default: '',
				description:
					'A name shown instead of the sender’s name (by default only users with the bot role may set it)',
			},
			{
				displayName: 'Avatar URL',
				name: 'avatar',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/robot.png',
				description:
					'An image shown instead of the sender’s avatar (by default only users with the bot role may set it)',
			},
			batchingOption,
			{
				displayName: 'Emoji',
				name: 'emoji',
				type: 'string',
				default: '',
				placeholder: 'e.g. :robot:',
				description: 'An emoji shown instead of the sender’s avatar',
			},
			requestTimeoutOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['send'] } }, properties);

function readAttachments(this: IExecuteFunctions, i: number): IDataObject[] {
	if (this.getNodeParameter('attachmentsInput', i) === 'json') {
		return attachmentsFromJson.call(
			this,
			this.getNodeParameter('attachmentsJson', i),
			i,
			'Attachments (JSON)',
		);
	}
	const ui = this.getNodeParameter('attachments.attachment', i, []) as IDataObject[];
	return attachmentsFromUi.call(this, ui, i);
}

/** Where to post: `roomId`, or `channel` as `#name` / `@username`. */
async function readTarget(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const sendTo = this.getNodeParameter('sendTo', i) as string;
	if (sendTo === 'user') {
		const ref = getUserRef.call(this, i);
		const username =
			'username' in ref ? ref.username : (await lookUpUser.call(this, ref, i)).username;
		return { channel: `@${username as string}` };
	}
	// a room given as #name (as models write it) is posted to by name, like a channel
	const ref =
		sendTo === 'room' ? getChannelRef.call(this, i, 'room', 'Room') : getChannelRef.call(this, i);
	return 'roomName' in ref ? { channel: `#${ref.roomName}` } : { roomId: ref.roomId };
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /chat.postMessage (docs/api-map.md)
	const text = this.getNodeParameter('text', i, '') as string;
	const attachments = readAttachments.call(this, i);
	if (String(text).trim() === '' && attachments.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The parameter "Text" is empty', {
			itemIndex: i,
			description: 'Enter the message text, or add at least one attachment',
		});
	}
	const options = this.getNodeParameter('options', i, {}) as IDataObject;

	const body: IDataObject = { ...(await readTarget.call(this, i)), text: String(text) };
	for (const key of ['alias', 'emoji', 'avatar']) {
		const value = String(options[key] ?? '').trim();
		if (value) body[key] = value;
	}
	if (attachments.length > 0) body.attachments = attachments;

	const response = (await squadusApiRequest.call(this, 'POST', '/chat.postMessage', {
		body,
		itemIndex: i,
	})) as IDataObject;
	return unwrapMessage(response);
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
