/**
 * Users (manual 3.3): create, delete, info, active sessions and their termination.
 */
import type { ApiContext, Route } from '../core';
import { forbidden, invalidParams, invalidUserParam, meteorError, missingParam } from '../errors';
import {
	bodyObject,
	jsonParam,
	optBool,
	optObject,
	optString,
	optStringArray,
	page,
	pagination,
	reqString,
	reqStringArray,
	sortParam,
} from '../params';
import { userFull, userPublic, presentUserRoom } from '../present';
import { matches, project, sortDocs, validateFields } from '../query';
import type { SessionRecord, UserRecord } from '../state';
import { iso, randomToken } from '../util';
import { userFromParams as rocketChatUserFromParams } from '../rocketchat/validators';
import { requireAdmin, userFromParams } from './common';

const KNOWN_ROLES = [
	'admin',
	'user',
	'bot',
	'guest',
	'app',
	'anonymous',
	'livechat-agent',
	'livechat-manager',
	'auditor',
];
const USERNAME_RE = /^[\p{L}\p{N}._-]+$/u;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Manual 3.3.1
function create(ctx: ApiContext): unknown {
	requireAdmin(ctx);
	const p = bodyObject(ctx.body);
	const email = reqString(p, 'email').trim();
	const name = reqString(p, 'name');
	const username = reqString(p, 'username').trim();
	const setRandomPassword = optBool(p, 'setRandomPassword') ?? false;
	const password = setRandomPassword
		? optString(p, 'password') || randomToken()
		: reqString(p, 'password');
	const active = optBool(p, 'active');
	const verified = optBool(p, 'verified');
	const requirePasswordChange = optBool(p, 'requirePasswordChange');
	const joinDefaultChannels = optBool(p, 'joinDefaultChannels') ?? true;
	optBool(p, 'sendWelcomeEmail');
	const bio = optString(p, 'bio');
	const nickname = optString(p, 'nickname');
	const statusText = optString(p, 'statusText');
	const roles = optStringArray(p, 'roles');
	const customFields = optObject(p, 'customFields');

	const method = { method: 'insertOrUpdateUser' };
	if (!USERNAME_RE.test(username)) {
		throw meteorError('error-input-is-not-a-valid-field', `${username} is not a valid username`, {
			...method,
			input: username,
			field: 'Username',
		});
	}
	if (!EMAIL_RE.test(email))
		throw meteorError('error-invalid-email', `Invalid email ${email}`, { ...method, email });
	const { state } = ctx.core;
	if (state.userByUsername(username)) {
		throw meteorError('error-field-unavailable', `${username} is already in use :(`, {
			...method,
			field: username,
		});
	}
	if (state.userByEmail(email)) {
		throw meteorError('error-field-unavailable', `${email} is already in use :(`, {
			...method,
			field: email,
		});
	}
	for (const role of roles ?? []) {
		if (!KNOWN_ROLES.includes(role))
			throw meteorError('error-invalid-role', `Invalid role ${role}`, method);
	}
	const user = state.addUser({
		username,
		name,
		email,
		password,
		roles,
		active,
		bio,
		nickname,
		statusText,
		verified,
		requirePasswordChange: requirePasswordChange ?? setRandomPassword,
		customFields,
	});
	if (joinDefaultChannels) {
		for (const room of state.rooms.values())
			if (room.default && room.t !== 'd') state.subscribe(room._id, user._id);
	}
	state.logChange(ctx.user.username, 'User_Created', username);
	return { success: true, user: adminView(ctx, user) };
}

/**
 * Manual 3.3.2: userID and userName come in the query string. Rocket.Chat
 * (apps/meteor/app/api/server/v1/users.ts) reads the user from the JSON body with
 * getUserFromParams: userId | username (| user).
 */
function remove(ctx: ApiContext): unknown {
	requireAdmin(ctx);
	const body = bodyObject(ctx.body);
	const { state } = ctx.core;
	if (ctx.core.config.dialect === 'rocketchat') {
		rocketChatUserFromParams({
			method: ctx.method,
			queryParams: ctx.queryParams,
			body,
			dialect: 'rocketchat',
		});
		const target = userFromParams(ctx, body);
		return deleteUser(ctx, target);
	}
	const params = { ...body, ...ctx.query } as Record<string, unknown>;
	const userID = optString(params, 'userID') ?? optString(params, 'userId');
	const userName = optString(params, 'userName') ?? optString(params, 'username');
	if (!userID) throw missingParam('userID');
	if (!userName) throw missingParam('userName');
	const user = state.userById(userID);
	if (!user) throw meteorError('error-invalid-user', 'Invalid user', { method: 'deleteUser' });
	if (user.username.toLowerCase() !== userName.toLowerCase()) {
		throw meteorError(
			'error-invalid-user',
			`The userName "${userName}" does not match the user with the userID "${userID}"`,
			{ method: 'deleteUser' },
		);
	}
	return deleteUser(ctx, user);
}

function deleteUser(ctx: ApiContext, user: UserRecord): unknown {
	const { state } = ctx.core;
	if (
		state.isAdmin(user) &&
		[...state.users.values()].filter((u) => state.isAdmin(u) && u.active).length <= 1
	) {
		throw meteorError('error-action-not-allowed', 'Leaving the app without admins is not allowed', {
			method: 'deleteUser',
			action: 'Remove_last_admin',
		});
	}
	state.removeUser(user._id);
	state.logChange(ctx.user.username, 'User_Deleted', user.username);
	return { success: true };
}

/** The full user; with the userServices setting, also its login data, as a real admin API can send. */
function adminView(ctx: ApiContext, user: UserRecord): Record<string, unknown> {
	const out = userFull(user);
	if (!ctx.core.config.userServices) return out;
	return { ...out, ...structuredClone(ctx.core.userServices(user._id)) };
}

// Manual 3.3.3
function info(ctx: ApiContext): unknown {
	const q = ctx.query;
	const userId = q.userId || q.userID;
	const username = q.username || q.userName;
	if (!userId && !username) throw missingParam('userId');
	const fields = jsonParam(q, 'fields');
	const { state } = ctx.core;
	const user = userId ? state.userById(userId) : state.userByUsername(username);
	if (!user) throw invalidUserParam();
	const privileged = state.isAdmin(ctx.user) || user._id === ctx.user._id;
	const out = privileged ? adminView(ctx, user) : userPublic(user);
	if (fields && (fields.userRooms === 1 || fields.userRooms === true) && privileged) {
		out.rooms = [...state.roomsOf(user._id)]
			.map((rid) => state.subscription(rid, user._id))
			.filter((sub) => sub !== undefined)
			.map((sub) => presentUserRoom(state, sub!));
	}
	return { success: true, user: out };
}

/** Users list (Rocket.Chat users.list) — not in the manual, for user pickers. */
function list(ctx: ApiContext): unknown {
	const p = pagination(ctx.query, ctx.core.config.maxCount);
	const sort = sortParam(ctx.query) ?? [['username', 1]];
	const query = jsonParam(ctx.query, 'query');
	const fields = jsonParam(ctx.query, 'fields');
	validateFields(fields);
	const { state } = ctx.core;
	const admin = state.isAdmin(ctx.user);
	let docs = [...state.users.values()].map((u) => (admin ? adminView(ctx, u) : userPublic(u)));
	if (query) docs = docs.filter((d) => matches(d, query));
	sortDocs(docs, sort);
	const items = docs.slice(p.offset, p.offset + p.count).map((d) => project(d, fields));
	return page('users', items, p, docs.length);
}

function describeAgent(userAgent: string): {
	os: { name: string; version: string };
	device: { name: string };
	application: { type: string; name: string; version: string };
} {
	const [product = 'unknown', rest = ''] = userAgent.split('/');
	const version = rest.split(/[\s;()]/)[0] ?? '';
	const os = /windows/i.test(userAgent)
		? 'Windows'
		: /mac os|darwin/i.test(userAgent)
			? 'Mac OS'
			: /linux/i.test(userAgent)
				? 'Linux'
				: 'unknown';
	return {
		os: { name: os, version: '' },
		device: { name: /mobile|android|iphone/i.test(userAgent) ? 'mobile' : 'server' },
		application: { type: 'api', name: product || 'unknown', version },
	};
}

function presentSession(session: SessionRecord): Record<string, unknown> {
	return {
		id: session.id,
		ip: session.ip,
		isOnline: Date.now() - session.lastActivity < 5 * 60 * 1000,
		lastActivityDate: iso(session.lastActivity),
		loginAt: iso(session.createdAt),
		loginType: session.loginType,
		...describeAgent(session.userAgent),
	};
}

function liveSessionsOf(ctx: ApiContext, userId: string): SessionRecord[] {
	return [...ctx.core.state.sessions.values()].filter(
		(s) => s.userId === userId && ctx.core.sessionValid(s),
	);
}

// Manual 3.3.4
function activeSessions(ctx: ApiContext): unknown {
	return {
		success: true,
		results: {
			currentSessionId: ctx.session?.id ?? null,
			sessions: liveSessionsOf(ctx, ctx.user._id).map(presentSession),
		},
	};
}

// Manual 3.3.5
function terminate(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const ids = reqStringArray(p, 'sessionIds');
	if (ids.length === 0) throw invalidParams("'sessionIds' must NOT have fewer than 1 items");
	const { state } = ctx.core;
	const admin = state.isAdmin(ctx.user);
	const live = [...state.sessions.values()].filter((s) => ctx.core.sessionValid(s));
	const targets = ids.map((id) => {
		const session = live.find((s) => s.id === id);
		if (!session)
			throw meteorError('error-invalid-session', `Session ${id} not found`, {
				method: 'users.active-sessions/terminate',
			});
		if (session.userId !== ctx.user._id && !admin) throw forbidden();
		return session;
	});
	for (const session of targets) state.endSession(session);
	return { success: true };
}

// Manual 3.3.6: all of the caller's sessions except the current one
function terminateOther(ctx: ApiContext): unknown {
	const { state } = ctx.core;
	for (const session of liveSessionsOf(ctx, ctx.user._id)) {
		if (session.id !== ctx.session?.id) state.endSession(session);
	}
	return { success: true };
}

export const userRoutes: Route[] = [
	{ method: 'POST', path: 'users.create', handler: create },
	{ method: 'POST', path: 'users.delete', handler: remove },
	{ method: 'GET', path: 'users.info', handler: info },
	{ method: 'GET', path: 'users.list', handler: list },
	{ method: 'GET', path: 'users.active-sessions', handler: activeSessions },
	{ method: 'POST', path: 'users.active-sessions/terminate', handler: terminate },
	{ method: 'POST', path: 'users.active-sessions/terminateOther', handler: terminateOther },
];
