import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
	type INodeProperties,
} from 'n8n-workflow';

import { FROM_VERSION_2, ONLY_VERSION_1, userLocator } from '../../shared/descriptions';
import { lookUpUser } from '../../shared/helpers';
import { parseUserText } from '../../shared/helpers/names';
import { asNodeError } from '../../shared/transport/errors';

/** The fields of a list of users (see userListFields). */
export interface UserListNames {
	/** version 2: the one field, picked from the list or given by an expression, e.g. `userList` */
	list: string;
	listDisplayName: string;
	/** version 1: the fixedCollection of picked users, e.g. `users` */
	picked: string;
	pickedDisplayName: string;
	/** version 1: the text / expression field of IDs and usernames, e.g. `userIds` */
	typed: string;
	typedDisplayName: string;
}

/**
 * A list of users. Version 2 has one field: users picked from the list, or an expression that
 * gives IDs or usernames (a list, or text separated by commas). Version 1 had two fields, a
 * fixedCollection of picked users and a text field of IDs and usernames; workflows saved with
 * version 1 keep them.
 */
export function userListFields(names: UserListNames): INodeProperties[] {
	return [
		{
			displayName: names.listDisplayName,
			name: names.list,
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getUsers' },
			default: [],
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: "An expression may give IDs or usernames, as a list or separated by commas, e.g. {{ $json.attendees.map(a => a.email.split('@')[0]) }}",
			displayOptions: { show: FROM_VERSION_2 },
		},
		{
			displayName: names.pickedDisplayName,
			name: names.picked,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add User',
			default: {},
			description: 'Users picked from the list, or given by ID or username',
			displayOptions: { show: ONLY_VERSION_1 },
			options: [
				{
					displayName: 'User',
					name: 'user',
					values: [userLocator({ description: 'The user to add' })],
				},
			],
		},
		{
			displayName: names.typedDisplayName,
			name: names.typed,
			type: 'string',
			default: '',
			placeholder: 'e.g. ivan.petrov, BsNr28znDkG8aeo7W',
			description:
				'IDs or usernames separated by commas, or an expression that returns a list of them',
			hint: "From a calendar event: {{ $json.attendees.map(a => a.email.split('@')[0]) }}",
			displayOptions: { show: ONLY_VERSION_1 },
		},
	];
}

/** Whether a collection's values hold a list of users in either version's fields. */
export function hasUserList(values: IDataObject, names: UserListNames): boolean {
	return [names.list, names.picked, names.typed].some((name) => values[name] !== undefined);
}

type UserRef = ({ userId: string } | { username: string }) & { parameter: string };

function notAUser(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	what: string,
	fix: string,
) {
	return new NodeOperationError(this.getNode(), `The parameter "${parameter}" contains ${what}`, {
		itemIndex,
		description: fix,
	});
}

function refFromText(
	this: IExecuteFunctions,
	text: string,
	itemIndex: number,
	parameter: string,
): UserRef {
	if (text.startsWith('@')) return { username: text.slice(1), parameter };
	if (text.includes('@')) {
		throw notAUser.call(
			this,
			itemIndex,
			parameter,
			`"${text}", which is an e-mail address, not a user ID or username`,
			"Squadus usernames are firstname.lastname: use the part before the @, e.g. {{ $json.email.split('@')[0] }}",
		);
	}
	if (/\s/.test(text)) {
		throw notAUser.call(
			this,
			itemIndex,
			parameter,
			`"${text}", which is not a user ID or username`,
			'Enter IDs or usernames such as ivan.petrov, separated by commas',
		);
	}
	return { ...parseUserText(text, 'text'), parameter };
}

function pickedRefs(picked: unknown, parameter: string): UserRef[] {
	const entries = ((picked as IDataObject | undefined)?.user ?? []) as IDataObject[];
	return entries.flatMap((entry): UserRef[] => {
		const locator = entry.user as INodeParameterResourceLocator | undefined;
		const value = String(locator?.value ?? '').trim();
		if (!value) return [];
		return [{ ...parseUserText(value, String(locator?.mode ?? 'id')), parameter }];
	});
}

function typedRefs(
	this: IExecuteFunctions,
	typed: unknown,
	itemIndex: number,
	parameter: string,
): UserRef[] {
	if (typed === undefined || typed === null) return [];
	const list: unknown[] = Array.isArray(typed)
		? typed
		: typeof typed === 'string'
			? typed.split(',')
			: [typed];
	return list.flatMap((value): UserRef[] => {
		if (value && typeof value === 'object') {
			const object = value as IDataObject;
			const id = object._id ?? object.id;
			if (id) return [{ userId: String(id), parameter }];
			if (object.username)
				return [{ username: String(object.username).replace(/^@/, ''), parameter }];
			throw notAUser.call(
				this,
				itemIndex,
				parameter,
				'an object without an ID or username',
				'Map the list to IDs or usernames, e.g. {{ $json.users.map(u => u.username) }}',
			);
		}
		const text = String(value ?? '').trim();
		return text ? [refFromText.call(this, text, itemIndex, parameter)] : [];
	});
}

/** users.info answers per node run (n8n makes one context per run): each user is looked up once. */
const lookups = new WeakMap<object, Map<string, Promise<IDataObject>>>();

async function findUser(
	this: IExecuteFunctions,
	ref: UserRef,
	itemIndex: number,
): Promise<IDataObject> {
	let cache = lookups.get(this);
	if (!cache) lookups.set(this, (cache = new Map()));
	const query = 'userId' in ref ? { userId: ref.userId } : { username: ref.username };
	const key = JSON.stringify(query);
	let pending = cache.get(key);
	if (!pending) {
		pending = lookUpUser.call(this, query, itemIndex);
		cache.set(key, pending);
		pending.catch(() => cache.delete(key));
	}
	try {
		return await pending;
	} catch (error) {
		const text = `${error.message ?? ''} ${error.description ?? ''}`;
		// Already an n8n error from the transport (401, 403, …): passed on unchanged.
		if (!/error-invalid-user|does not match any users/.test(text)) {
			throw asNodeError(this.getNode(), error);
		}
		throw notAUser.call(
			this,
			itemIndex,
			ref.parameter,
			`"${'userId' in ref ? ref.userId : ref.username}", which is not a Squadus user`,
			'Check the spelling: usernames look like firstname.lastname',
		);
	}
}

export interface ResolvedUser {
	id: string;
	name?: string;
}

/**
 * The users given in the fields of userListFields (the one field from version 2 on, the two
 * fields of version 1), as IDs, without duplicates. Usernames
 * are looked up with users.info (once per node run); with `withNames`, users given by ID are
 * looked up too, so that each comes with its display name. `values` reads the fields from a
 * collection instead of top-level parameters; with `required`, an empty list fails.
 */
export async function resolveUsers(
	this: IExecuteFunctions,
	itemIndex: number,
	names: UserListNames,
	{
		values,
		withNames = false,
		required = false,
	}: { values?: IDataObject; withNames?: boolean; required?: boolean } = {},
): Promise<ResolvedUser[]> {
	const read = (name: string, fallback: unknown) =>
		values ? values[name] : this.getNodeParameter(name, itemIndex, fallback as string);
	const oneField = this.getNode().typeVersion >= 2;
	const refs = oneField
		? typedRefs.call(this, read(names.list, []), itemIndex, names.listDisplayName)
		: [
				...pickedRefs(read(names.picked, {}), names.pickedDisplayName),
				...typedRefs.call(this, read(names.typed, ''), itemIndex, names.typedDisplayName),
			];
	if (required && refs.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "${oneField ? names.listDisplayName : names.pickedDisplayName}" is empty`,
			{
				itemIndex,
				description: oneField
					? `Choose at least one user in "${names.listDisplayName}", or give IDs or usernames with an expression`
					: `Add at least one user to "${names.pickedDisplayName}", or enter IDs or usernames in "${names.typedDisplayName}"`,
			},
		);
	}
	const users = new Map<string, ResolvedUser>();
	for (const ref of refs) {
		if ('userId' in ref && !withNames) {
			users.set(ref.userId, { id: ref.userId });
			continue;
		}
		const user = await findUser.call(this, ref, itemIndex);
		const id = user._id as string;
		if (!users.has(id)) users.set(id, { id, name: (user.name ?? user.username) as string });
	}
	return [...users.values()];
}

/** resolveUsers, as a list of IDs. */
export async function getUserIds(
	this: IExecuteFunctions,
	itemIndex: number,
	names: UserListNames,
	options: { values?: IDataObject; required?: boolean } = {},
): Promise<string[]> {
	return (await resolveUsers.call(this, itemIndex, names, options)).map((user) => user.id);
}
