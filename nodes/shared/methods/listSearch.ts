import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { nameContainsQuery, queryParameter } from '../helpers/filters';
import { squadusApiRequest } from '../transport';

const PAGE = 50;

async function page(
	this: ILoadOptionsFunctions,
	endpoint: string,
	listKeys: string[],
	paginationToken: string | undefined,
	qs: IDataObject,
): Promise<{ list: IDataObject[]; next?: string }> {
	const offset = Number(paginationToken ?? 0);
	const response = (await squadusApiRequest.call(this, 'GET', endpoint, {
		qs: { ...qs, offset, count: PAGE },
	})) as IDataObject;
	const key = listKeys.find((name) => Array.isArray(response[name]));
	const list = (key ? response[key] : []) as IDataObject[];
	const total = typeof response.total === 'number' ? response.total : offset + list.length;
	return {
		list,
		next:
			offset + list.length < total && list.length > 0 ? String(offset + list.length) : undefined,
	};
}

/** Channels the server lists, filtered by name on the server, 50 a page. */
export async function searchChannels(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { sort: JSON.stringify({ name: 1 }) };
	const query = queryParameter(nameContainsQuery(filter));
	if (query) qs.query = query;
	const { list, next } = await page.call(
		this,
		'/channels.list',
		['channels', 'rooms'],
		paginationToken,
		qs,
	);
	return {
		results: list.map((channel) => ({
			name: `#${channel.name as string}`,
			value: channel._id as string,
		})),
		paginationToken: next,
	};
}

/** Users, filtered by username or name on the server, 50 a page. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { sort: JSON.stringify({ username: 1 }) };
	const { name } = nameContainsQuery(filter);
	if (name) qs.query = JSON.stringify({ $or: [{ username: name }, { name }] });
	const { list, next } = await page.call(this, '/users.list', ['users'], paginationToken, qs);
	return {
		results: list.map((user) => ({
			name: user.name
				? `${user.name as string} (@${user.username as string})`
				: `@${user.username as string}`,
			value: user._id as string,
		})),
		paginationToken: next,
	};
}

/** The rooms the user is in (channels, direct messages, teams). */
export async function searchRooms(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const response = (await squadusApiRequest.call(this, 'GET', '/rooms.get')) as IDataObject;
	const rooms = ((response.update ?? response.rooms ?? []) as IDataObject[]).map((room) => ({
		name:
			room.t === 'd'
				? `@${((room.usernames as string[]) ?? []).join(', @')}`
				: `#${(room.fname ?? room.name) as string}`,
		value: room._id as string,
	}));
	const needle = filter?.toLowerCase();
	return {
		results: needle ? rooms.filter((room) => room.name.toLowerCase().includes(needle)) : rooms,
	};
}

/** The conferences the user takes part in, newest first. */
export async function searchConferences(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { sort: 'createdAt', sortOrder: 'desc' };
	if (filter) qs.name = filter;
	const { list, next } = await page.call(
		this,
		'/scc.getUserConferences',
		['results'],
		paginationToken,
		qs,
	);
	return {
		results: list.map((conference) => ({
			name: `${(conference.name as string) ?? 'Conference'} (${conference.number as string})`,
			value: String(conference.number),
		})),
		paginationToken: next,
	};
}
