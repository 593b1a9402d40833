import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { byDisplayName } from '../../shared/descriptions/options';
import { isEmptyDate, toEpochMilliseconds } from '../../shared/helpers/dates';
import { hasUserList, resolveUsers, userListFields, type UserListNames } from './users';

const invitationNames: UserListNames = {
	list: 'invitationList',
	listDisplayName: 'Invitations',
	picked: 'invitations',
	pickedDisplayName: 'Invitations',
	typed: 'invitationIds',
	typedDisplayName: 'Invitation IDs or Usernames',
};

const dateDescription =
	'An ISO 8601 date (e.g. 2026-03-08T10:00:00-05:00; without an offset it is read in the workflow’s time zone), a DateTime, or epoch seconds or milliseconds, as calendar nodes output them';

/** The conference fields Create and Update share, sorted by name as n8n shows them. */
function sharedFields(): INodeProperties[] {
	return [
		{
			displayName: 'Adapter',
			name: 'adapter',
			type: 'options',
			options: [
				{ name: 'Jitsi', value: 'Jitsi' },
				{ name: 'Webinar', value: 'Webinar' },
			],
			default: 'Jitsi',
			description:
				'The video service that hosts the conference. Get Features lists what each one supports on your server.',
		},
		{
			displayName: 'Audio Mute',
			name: 'audioMute',
			type: 'boolean',
			default: false,
			description: 'Whether participants join with their microphone off',
		},
		{
			displayName: 'Create Chat',
			name: 'createChat',
			type: 'boolean',
			default: true,
			description: 'Whether to create a chat room for the conference',
		},
		{
			displayName: 'Format',
			name: 'conferenceFormat',
			type: 'options',
			options: [
				{
					name: 'Conference',
					value: 'conference',
					description: 'Everyone can speak and show video',
				},
				{ name: 'Webinar', value: 'webinar', description: 'Speakers present to an audience' },
			],
			default: 'conference',
		},
		...userListFields(invitationNames),
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'A password participants must enter to join',
		},
		{
			displayName: 'Persistent Chat',
			name: 'persistentChat',
			type: 'boolean',
			default: false,
			description: 'Whether the conference chat stays available after the conference ends',
		},
		{
			displayName: 'Planned End',
			name: 'plannedEndTime',
			type: 'dateTime',
			default: '',
			description: `When the conference is planned to end. ${dateDescription}.`,
		},
		{
			displayName: 'Planned Start',
			name: 'plannedStartTime',
			type: 'dateTime',
			default: '',
			description: `When the conference is planned to start. ${dateDescription}.`,
		},
		{
			displayName: 'Show Chat',
			name: 'showChat',
			type: 'boolean',
			default: true,
			description: 'Whether participants see the chat during the conference',
		},
		{
			displayName: 'Video Mute',
			name: 'videoMute',
			type: 'boolean',
			default: false,
			description: 'Whether participants join with their camera off',
		},
		{
			displayName: 'Waiting Room',
			name: 'waitingRoomEnable',
			type: 'boolean',
			default: false,
			description: 'Whether participants wait in a lobby until a moderator lets them in',
		},
	];
}

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. Weekly sync',
	description: 'The conference name',
};

const typeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [{ name: 'Regular', value: 'REGULAR', description: 'A one-off meeting' }],
	default: 'REGULAR',
	description:
		'The kind of conference; it cannot be changed later. The manual documents REGULAR; set another type your server supports with an expression.',
};

const byName = byDisplayName;

/** The top-level name field (required on Create). */
export const conferenceNameField = nameField;

/** Create's Additional Fields: everything but the room and name (which are top-level). */
export function createFields(): INodeProperties[] {
	return [...sharedFields(), typeField].sort(byName);
}

/** Update's Update Fields: the room and type of a conference cannot change. */
export function updateFields(): INodeProperties[] {
	return [...sharedFields(), nameField].sort(byName);
}

const SETTINGS = ['audioMute', 'videoMute', 'waitingRoomEnable'] as const;
const PLAIN = [
	'name',
	'type',
	'password',
	'conferenceFormat',
	'adapter',
	'createChat',
	'showChat',
	'persistentChat',
] as const;

/**
 * The API's `conference` object (manual 3.8.5 / 3.8.6) from the values of createFields or
 * updateFields. Dates are checked before any user is looked up.
 */
export async function buildConference(
	this: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): Promise<IDataObject> {
	const conference: IDataObject = {};
	for (const key of PLAIN) {
		const value = fields[key];
		if (value === undefined || value === '') continue;
		conference[key] = value;
	}

	const settings: IDataObject = {};
	for (const key of SETTINGS) if (fields[key] !== undefined) settings[key] = fields[key];
	if (Object.keys(settings).length) conference.conferenceSettings = settings;

	const start = isEmptyDate(fields.plannedStartTime)
		? undefined
		: toEpochMilliseconds.call(this, fields.plannedStartTime, itemIndex, 'Planned Start');
	const end = isEmptyDate(fields.plannedEndTime)
		? undefined
		: toEpochMilliseconds.call(this, fields.plannedEndTime, itemIndex, 'Planned End');
	if (start !== undefined && end !== undefined && end <= start) {
		throw new NodeOperationError(
			this.getNode(),
			'The parameter "Planned End" is not after "Planned Start"',
			{
				itemIndex,
				description: `Planned End (${new Date(end).toISOString()}) must be later than Planned Start (${new Date(start).toISOString()})`,
			},
		);
	}
	if (start !== undefined) conference.plannedStartTime = start;
	if (end !== undefined) conference.plannedEndTime = end;

	if (hasUserList(fields, invitationNames)) {
		const users = await resolveUsers.call(this, itemIndex, invitationNames, {
			values: fields,
			withNames: true,
		});
		conference.invitations = users.map(({ id, name }) => ({ id, name }));
	}
	return conference;
}
