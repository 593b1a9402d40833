/**
 * The checks Rocket.Chat runs on a request before its handler, per route:
 *
 * - the ajv validators of `@rocket.chat/rest-typings` that the route declares as
 *   `validateParams` (apps/meteor/app/api/server/api.ts validates `queryParams` for GET and
 *   `bodyParams` otherwise and answers 400 `invalid-params` with ajv's messages joined by "\n ");
 * - the checks Rocket.Chat writes in the route itself (apps/meteor/app/api/server/v1/*.ts) and
 *   in its helpers (helpers/parseJsonQuery.ts, helpers/getUserFromParams.ts), written here after
 *   those files.
 *
 * Where the vendor manual documents another form than Rocket.Chat accepts, the check depends on
 * the sandbox's dialect: 'manual' takes the manual's form, 'rocketchat' refuses it as Rocket.Chat
 * does. Routes that exist only in Squadus (conference, scc.*, meeting records, autoupdates,
 * changelog, users.active-sessions*) have no Rocket.Chat counterpart and are not listed.
 */
import { ApiError, invalidParams, meteorError, roomNotFound } from '../errors';
import { isPlainObject } from '../util';
import { validator, type RocketChatValidator } from './restTypings';

export type Dialect = 'manual' | 'rocketchat';
export const DIALECTS: readonly Dialect[] = ['manual', 'rocketchat'];

export type QueryParams = Record<string, string | string[]>;

export interface CheckedRequest {
	method: string;
	/** qs-style parsed query: `a[]=x&a[]=y` and repeated keys become arrays */
	queryParams: QueryParams;
	body: unknown;
	dialect: Dialect;
}

type Check = (req: CheckedRequest) => void;

/** The parameters Rocket.Chat validates: queryParams for GET, bodyParams otherwise. */
function paramsOf(req: CheckedRequest): Record<string, unknown> {
	if (req.method === 'GET' || req.method === 'HEAD') return { ...req.queryParams };
	return isPlainObject(req.body) ? { ...req.body } : {};
}

const toLoad: Array<() => void> = [];

/** Loads every validator now (startSandbox does), so no request pays for it. */
export function loadValidators(): void {
	for (const load of toLoad) load();
}

/** A rest-typings validator (a deep copy is validated: ajv coerces types in place). */
function ajv(file: string, name: string): Check {
	let fn: RocketChatValidator | undefined;
	toLoad.push(() => {
		fn ??= validator(file, name);
	});
	return (req) => {
		fn ??= validator(file, name);
		const data: unknown = JSON.parse(JSON.stringify(paramsOf(req)));
		if (!fn(data)) {
			throw invalidParams((fn.errors ?? []).map((e) => e.message ?? 'invalid').join('\n '));
		}
	};
}

function only(dialect: Dialect, check: Check): Check {
	return (req) => {
		if (req.dialect === dialect) check(req);
	};
}

/** apps/meteor/app/api/server/helpers/parseJsonQuery.ts: sort, fields and query as JSON. */
const parseJsonQuery: Check = (req) => {
	const { sort, fields, query } = req.queryParams;
	if (sort !== undefined && sort !== '') {
		let ok = typeof sort === 'string';
		if (ok) {
			try {
				const parsed: unknown = JSON.parse(sort as string);
				ok =
					isPlainObject(parsed) && Object.values(parsed).every((v) => v === 1 || v === -1);
			} catch {
				ok = false;
			}
		}
		if (!ok)
			throw meteorError('error-invalid-sort', `Invalid sort parameter provided: "${String(sort)}"`, {
				helperMethod: 'parseJsonQuery',
			});
	}
	if (fields !== undefined && fields !== '') {
		let ok = typeof fields === 'string';
		if (ok) {
			try {
				const parsed: unknown = JSON.parse(fields as string);
				ok = isPlainObject(parsed) && Object.values(parsed).every((v) => v === 1 || v === 0);
			} catch {
				ok = false;
			}
		}
		if (!ok)
			throw meteorError(
				'error-invalid-fields',
				`Invalid fields parameter provided: "${String(fields)}"`,
				{ helperMethod: 'parseJsonQuery' },
			);
	}
	if (query !== undefined && query !== '') {
		let ok = typeof query === 'string';
		if (ok) {
			try {
				ok = isPlainObject(JSON.parse(query as string));
			} catch {
				ok = false;
			}
		}
		if (!ok)
			throw meteorError('error-invalid-query', `Invalid query parameter provided: "${String(query)}"`, {
				helperMethod: 'parseJsonQuery',
			});
	}
};

/**
 * apps/meteor/app/api/server/v1/channels.ts findChannelByIdOrName: without `roomId` or
 * `roomName` no channel matches.
 */
function channelByIdOrName(idKey = 'roomId', nameKey = 'roomName'): Check {
	return (req) => {
		const params = paramsOf(req);
		if (!(idKey in params) && !(nameKey in params)) throw roomNotFound();
	};
}

/** apps/meteor/app/api/server/helpers/getUserFromParams.ts */
export const userFromParams: Check = (req) => {
	const params = paramsOf(req);
	const given = (key: string): boolean =>
		typeof params[key] === 'string' && (params[key] as string).trim() !== '';
	if (!given('userId') && !given('username') && !given('user')) {
		throw meteorError(
			'error-user-param-not-provided',
			'The required "userId" or "username" param was not provided',
		);
	}
};

/** Rocket.Chat 8.x declares these routes' parameters with `additionalProperties: false`. */
function noAdditional(...keys: string[]): Check {
	return (req) => {
		const params = paramsOf(req);
		if (keys.some((key) => key in params)) throw invalidParams('must NOT have additional properties');
	};
}

/** apps/meteor/app/api/server/v1/channels.ts createChannelValidator */
const createChannel: Check = (req) => {
	const params = paramsOf(req);
	const fail = (message: string): never => {
		throw new ApiError(400, { success: false, error: message });
	};
	if (!params.name) fail('Param "name" is required');
	if (params.members && !Array.isArray(params.members))
		fail('Param "members" must be an array if provided');
	if (params.customFields && typeof params.customFields !== 'object')
		fail('Param "customFields" must be an object if provided');
	if (params.teams && !Array.isArray(params.teams)) fail('Param teams must be an array');
};

/**
 * apps/meteor/app/api/server/v1/channels.ts channels.members:
 * `check(this.queryParams, Match.ObjectIncluding({ status: Match.Maybe([String]), filter: Match.Maybe(String) }))`
 * A failed Match answers 400 with the Match error's message and no errorType.
 */
const membersMatch: Check = (req) => {
	const { status, filter } = req.queryParams;
	const matchError = (message: string): never => {
		throw new ApiError(400, { success: false, error: `Match error: ${message}` });
	};
	if (status !== undefined && !Array.isArray(status))
		matchError(`Expected array, got ${JSON.stringify(status)} in field status`);
	if (filter !== undefined && typeof filter !== 'string')
		matchError(`Expected string, got ${JSON.stringify(filter)} in field filter`);
};

const CHAT = 'v1/chat.js';

/** `METHOD path` (path after /api/v1/) → the checks Rocket.Chat runs, in its order. */
export const ROCKET_CHAT_CHECKS: Readonly<Record<string, readonly Check[]>> = {
	// apps/meteor/app/api/server/v1/misc.ts: method.callAnon/:method validateParams isMeteorCall
	'POST method.callAnon/login': [only('rocketchat', ajv('v1/misc.js', 'isMeteorCall'))],

	// apps/meteor/app/api/server/v1/users.ts
	'POST users.create': [ajv('v1/users/UserCreateParamsPOST.js', 'isUserCreateParamsPOST')],
	// users.delete: permissionsRequired ['delete-user'], then getUserFromParams(this.bodyParams)
	// in the handler (routes/users.ts runs it there, after the permission check, in the
	// 'rocketchat' dialect; the manual puts userID/userName in the query)
	'POST users.delete': [],
	'GET users.info': [ajv('v1/users/UsersInfoParamsGet.js', 'isUsersInfoParamsGetProps'), parseJsonQuery],
	'GET users.list': [parseJsonQuery],

	// apps/meteor/app/api/server/v1/chat.ts
	'POST chat.postMessage': [ajv(CHAT, 'isChatPostMessageProps')],
	'POST chat.delete': [ajv(CHAT, 'isChatDeleteProps')],
	'GET chat.getMessage': [ajv(CHAT, 'isChatGetMessageProps')],
	'POST chat.pinMessage': [ajv(CHAT, 'isChatPinMessageProps')],
	'POST chat.unPinMessage': [ajv(CHAT, 'isChatUnpinMessageProps')],
	'POST chat.starMessage': [ajv(CHAT, 'isChatStarMessageProps')],
	'POST chat.unStarMessage': [ajv(CHAT, 'isChatUnstarMessageProps')],
	'POST chat.reportMessage': [ajv(CHAT, 'isChatReportMessageProps')],

	// apps/meteor/app/api/server/v1/channels.ts
	'POST channels.create': [createChannel, only('rocketchat', noAdditional('userId'))],
	'GET channels.info': [channelByIdOrName()],
	'POST channels.addOwner': [channelByIdOrName(), userFromParams],
	'POST channels.removeOwner': [channelByIdOrName(), userFromParams],
	'POST channels.addModerator': [channelByIdOrName(), userFromParams],
	'POST channels.removeModerator': [channelByIdOrName(), userFromParams],
	'POST channels.addLeader': [channelByIdOrName(), userFromParams],
	'POST channels.removeLeader': [channelByIdOrName(), userFromParams],
	'POST channels.addAll': [ajv('v1/channels/ChannelsAddAllProps.js', 'isChannelsAddAllProps')],
	'GET channels.files': [channelByIdOrName(), parseJsonQuery],
	'GET channels.list': [ajv('v1/channels/ChannelsListProps.js', 'isChannelsListProps'), parseJsonQuery],
	'GET channels.list.joined': [parseJsonQuery],
	'GET channels.members': [
		channelByIdOrName(),
		parseJsonQuery,
		membersMatch,
		only('rocketchat', noAdditional('ids')),
	],
	'GET channels.messages': [
		ajv('v1/channels/ChannelsMessagesProps.js', 'isChannelsMessagesProps'),
		parseJsonQuery,
	],
	'POST channels.kick': [ajv('v1/channels/ChannelsKickProps.js', 'isChannelsKickProps')],
	'POST channels.close': [channelByIdOrName()],
	'POST channels.delete': [ajv('v1/channels/ChannelsDeleteProps.js', 'isChannelsDeleteProps')],
	'POST channels.convertToTeam': [
		ajv('v1/channels/ChannelsConvertToTeamProps.js', 'isChannelsConvertToTeamProps'),
	],

	// apps/meteor/app/api/server/v1/im.ts (dm.* and im.* are the same routes)
	'POST dm.create': [ajv('v1/dm/DmCreateProps.js', 'isDmCreateProps')],
	'POST im.create': [ajv('v1/dm/DmCreateProps.js', 'isDmCreateProps')],
	'POST dm.close': [ajv('v1/dm/DmCloseProps.js', 'isDmCloseProps')],
	'POST im.close': [ajv('v1/dm/DmCloseProps.js', 'isDmCloseProps')],
	'GET dm.messages': [ajv('v1/dm/DmMessagesProps.js', 'isDmMessagesProps'), parseJsonQuery],
	'GET im.messages': [ajv('v1/dm/DmMessagesProps.js', 'isDmMessagesProps'), parseJsonQuery],
	'GET dm.list': [parseJsonQuery],
	'GET im.list': [parseJsonQuery],
};

/** The shape of a request's parameters, e.g. `GET channels.members ?roomId&status[]` (for coverage counts). */
export function formOf(route: string, req: CheckedRequest): string {
	const params = paramsOf(req);
	const keys = Object.keys(params)
		.sort()
		.map((k) => (Array.isArray(params[k]) ? `${k}[]` : k));
	return `${route} ${req.method === 'GET' ? '?' : '{'}${keys.join('&')}${req.method === 'GET' ? '' : '}'}`;
}

/** qs-style query parsing as Rocket.Chat's express does: `a[]=x&a[]=y`, `a[0]=x` and `a=x&a=y` → arrays. */
export function parseQueryParams(search: URLSearchParams): QueryParams {
	const out: QueryParams = {};
	for (const [rawKey, value] of search) {
		const bracket = /^([^[\]]+)\[(\d*)\]$/.exec(rawKey);
		const key = bracket ? bracket[1] : rawKey;
		const current = out[key];
		if (bracket) out[key] = Array.isArray(current) ? [...current, value] : current === undefined ? [value] : [current, value];
		else if (current === undefined) out[key] = value;
		else out[key] = Array.isArray(current) ? [...current, value] : [current, value];
	}
	return out;
}
