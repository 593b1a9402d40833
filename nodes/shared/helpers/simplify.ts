import type { IDataObject } from 'n8n-workflow';

import type { Simplifier } from '../types';

/**
 * Simplify (node version 2): one function per kind of Rocket.Chat object, each picking the
 * fields people use in a workflow, as n8n's own nodes do. Every value of a simplified item is
 * a value of the raw item (only `email`, the first of `emails`, moves up a level): a
 * simplified item never shows anything the raw item doesn't.
 */

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The given keys of an object, in that order, leaving out those it doesn't have. */
function pick(source: IDataObject, keys: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
	return picked;
}

/** Each object of a list, picked; entries that aren't objects are left out. */
function pickEach(list: unknown, keys: readonly string[]): IDataObject[] | undefined {
	if (!Array.isArray(list)) return undefined;
	return list.filter(isObject).map((entry) => pick(entry, keys));
}

/** Sets `target[key]` unless the value is undefined (the raw item has no such field). */
function put(target: IDataObject, key: string, value: IDataObject | IDataObject[] | undefined) {
	if (value !== undefined) target[key] = value;
}

/**
 * An item without an ID (`_id`, or `id` in conference lists) is not an object of the kind, but
 * an operation's own confirmation such as `{ success, roomId }`: it is returned as it is.
 */
function forObjects(simplify: Simplifier): Simplifier {
	return (item) => (item._id === undefined && item.id === undefined ? item : simplify(item));
}

const USER_REF = ['_id', 'username', 'name'] as const;

/** A message: text, room, time, author, thread, and what its attachments and file are. */
export const simplifyMessage: Simplifier = forObjects((message) => {
	const simple = pick(message, ['_id', 'rid', 'msg', 'ts', 't', 'tmid', 'alias', 'pinned']);
	if (isObject(message.u)) simple.u = pick(message.u, USER_REF);
	put(
		simple,
		'attachments',
		pickEach(message.attachments, ['title', 'title_link', 'text', 'description', 'image_url']),
	);
	if (isObject(message.file)) simple.file = pick(message.file, ['_id', 'name', 'type', 'size']);
	return simple;
});

/** A room (channel, private group, direct message, conference chat). */
export const simplifyRoom: Simplifier = forObjects((room) => {
	const simple = pick(room, [
		'_id',
		't',
		'name',
		'fname',
		'usernames',
		'topic',
		'description',
		'announcement',
		'ro',
		'archived',
		'usersCount',
		'msgs',
		'ts',
		'lm',
	]);
	if (isObject(room.u)) simple.u = pick(room.u, USER_REF);
	return simple;
});

/** A user: who they are, their first e-mail address, roles and presence. */
export const simplifyUser: Simplifier = forObjects((user) => {
	const simple = pick(user, ['_id', 'username', 'name', 'type', 'active', 'roles', 'status']);
	const first = Array.isArray(user.emails) ? user.emails[0] : undefined;
	if (isObject(first) && typeof first.address === 'string') simple.email = first.address;
	return simple;
});

const PERSON = ['_id', 'id', 'username', 'name', 'role', 'conferenceStatus'] as const;

/** A conference: number, room, status, link, times, and who created and takes part in it. */
export const simplifyConference: Simplifier = forObjects((conference) => {
	const simple = pick(conference, [
		'_id',
		'id',
		'number',
		'name',
		'rid',
		'type',
		'status',
		'serviceUrl',
		'plannedStartTime',
		'plannedEndTime',
		'started',
		'ended',
	]);
	if (isObject(conference.creator)) simple.creator = pick(conference.creator, PERSON);
	put(simple, 'participants', pickEach(conference.participants, PERSON));
	if (conference.participantsCount !== undefined) {
		simple.participantsCount = conference.participantsCount;
	}
	return simple;
});
