/**
 * Users, their login sessions, personal access tokens and one-time SAML credentials.
 */
import { hashPassword, randomId, randomToken } from '../util';
import type { LoginType, NewUser, SessionRecord, UserRecord } from './records';
import { StateTables } from './tables';

export abstract class UsersState extends StateTables {
	/** rooms.ts: the rooms a user is subscribed to, and leaving one (removeUser leaves them all). */
	abstract roomsOf(userId: string): Set<string>;
	abstract unsubscribe(rid: string, userId: string): void;

	userById(id: string | undefined): UserRecord | undefined {
		return id === undefined ? undefined : this.users.get(id);
	}

	userByUsername(username: string | undefined): UserRecord | undefined {
		if (username === undefined) return undefined;
		const id = this.usernameIndex.get(username.toLowerCase());
		return id ? this.users.get(id) : undefined;
	}

	userByEmail(email: string | undefined): UserRecord | undefined {
		if (email === undefined) return undefined;
		const id = this.emailIndex.get(email.toLowerCase());
		return id ? this.users.get(id) : undefined;
	}

	/** `user` of the login call: a username or an e-mail address. */
	userByLogin(login: string): UserRecord | undefined {
		return login.includes('@')
			? (this.userByEmail(login) ?? this.userByUsername(login))
			: this.userByUsername(login);
	}

	isAdmin(user: UserRecord | undefined): boolean {
		return !!user && user.roles.includes('admin');
	}

	isBot(user: UserRecord | undefined): boolean {
		return !!user && (user.roles.includes('bot') || user.type === 'bot');
	}

	addUser(input: NewUser): UserRecord {
		if (this.userByUsername(input.username)) throw new Error(`username ${input.username} exists`);
		if (input.email && this.userByEmail(input.email))
			throw new Error(`email ${input.email} exists`);
		const now = Date.now();
		const salt = randomToken();
		const roles = input.roles && input.roles.length ? [...new Set(input.roles)] : ['user'];
		const user: UserRecord = {
			_id: randomId(),
			username: input.username,
			name: input.name ?? input.username,
			emails: input.email ? [{ address: input.email, verified: input.verified ?? true }] : [],
			salt,
			passwordHash: hashPassword(input.password, salt),
			roles,
			active: input.active ?? true,
			type: input.type ?? (roles.includes('bot') ? 'bot' : 'user'),
			status: 'offline',
			statusText: input.statusText ?? '',
			bio: input.bio,
			nickname: input.nickname,
			createdAt: now,
			updatedAt: now,
			totpSecret: input.totpSecret,
			requirePasswordChange: input.requirePasswordChange ?? false,
			customFields: input.customFields ?? {},
			utcOffset: 3,
			language: 'ru',
		};
		this.users.set(user._id, user);
		this.usernameIndex.set(user.username.toLowerCase(), user._id);
		if (input.email) this.emailIndex.set(input.email.toLowerCase(), user._id);
		return user;
	}

	checkPassword(user: UserRecord, password: string): boolean {
		return hashPassword(password, user.salt) === user.passwordHash;
	}

	removeUser(userId: string): void {
		const user = this.users.get(userId);
		if (!user) return;
		for (const rid of [...this.roomsOf(userId)]) this.unsubscribe(rid, userId);
		for (const [token, session] of this.sessions)
			if (session.userId === userId) this.sessions.delete(token);
		for (const [token, pat] of this.personalAccessTokens)
			if (pat.userId === userId) this.personalAccessTokens.delete(token);
		for (const conference of this.conferences.values()) conference.participants.delete(userId);
		this.usernameIndex.delete(user.username.toLowerCase());
		for (const email of user.emails) this.emailIndex.delete(email.address.toLowerCase());
		this.users.delete(userId);
	}

	createPersonalAccessToken(userId: string, name = 'sandbox', token = randomToken()): string {
		if (!this.users.has(userId)) throw new Error(`Unknown user ${userId}`);
		this.personalAccessTokens.set(token, { token, userId, name, createdAt: Date.now() });
		return token;
	}

	/** The clock that session lifetimes are measured with (a test may replace it: setSessionClock). */
	sessionClock: () => number = Date.now;

	createSession(
		userId: string,
		loginType: LoginType,
		ip: string,
		userAgent: string,
		oauthExpiresIn?: number,
	): SessionRecord {
		const now = this.sessionClock();
		const session: SessionRecord = {
			id: randomId(),
			token: randomToken(),
			userId,
			loginType,
			createdAt: now,
			lastActivity: now,
			ip,
			userAgent,
			expired: false,
			oauthExpiresIn,
		};
		this.sessions.set(session.token, session);
		const user = this.users.get(userId);
		if (user) {
			user.status = 'online';
			user.lastLogin = now;
		}
		return session;
	}

	endSession(session: SessionRecord): void {
		this.sessions.delete(session.token);
		const stillOnline = [...this.sessions.values()].some(
			(s) => s.userId === session.userId && !s.expired,
		);
		const user = this.users.get(session.userId);
		if (user && !stillOnline) user.status = 'offline';
	}

	createSamlCredential(userId: string, token = randomToken()): string {
		this.samlCredentials.set(token, { userId, createdAt: Date.now() });
		return token;
	}
}
