import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
	type INodeProperties,
} from 'n8n-workflow';

import { userLocator } from '../../shared/descriptions';
import { lookUpUser } from '../../shared/helpers';
import { parseUserText } from '../../shared/helpers/names';
import { asNodeError } from '../../shared/transport/errors';

/** The two fields of a list of users (see userListFields). */
export interface UserListNames {
	/** the fixedCollection of picked users, e.g. `users` */
	picked: string;
	pickedDisplayName: string;
	/** the text / expression field of IDs and usernames, e.g. `userIds` */
	typed: string;
	typedDisplayName: string;
}

/** Two ways to give a list of users: pick them one by one, or type (or map) IDs and usernames. */
export function userListFields(names: UserListNames): INodeProperties[] {
	return [
		{
			displayName: names.pickedDisplayName,
			name: names.picked,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add User',
			default: {},
			description: 'Users picked from the list, or given by ID or username',
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
		},
	];
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
 * The users given in the two fields of userListFields, as IDs, without duplicates. Usernames
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
	const picked = values ? values[names.picked] : this.getNodeParameter(names.picked, itemIndex, {});
	const typed = values ? values[names.typed] : this.getNodeParameter(names.typed, itemIndex, '');
	const refs = [
		...pickedRefs(picked, names.pickedDisplayName),
		...typedRefs.call(this, typed, itemIndex, names.typedDisplayName),
	];
	if (required && refs.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "${names.pickedDisplayName}" is empty`,
			{
				itemIndex,
				description: `Add at least one user to "${names.pickedDisplayName}", or enter IDs or usernames in "${names.typedDisplayName}"`,
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
