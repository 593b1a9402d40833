/**
 * Seed data. The demo seed has stable usernames and secrets (ids are generated per run).
 */
import type { SandboxCore } from './core';
import { addMeetingArtefacts } from './routes/conference';
import { fileUrl, type UserRecord } from './state';
import type { FixtureUser, SandboxFixtures } from './types';

/** Every stable secret of the seeds: scan outputs for these to find leaks. */
export { DEMO_CREDENTIALS, DEMO_SECRETS } from './demo';
import { DEMO_CREDENTIALS } from './demo';

const DOMAIN = 'squadus.test';
const HOUR = 3600_000;

function fixtureUser(user: UserRecord, password: string): FixtureUser {
	return {
		_id: user._id,
		username: user.username,
		name: user.name,
		password,
		email: user.emails[0]?.address ?? '',
	};
}

function oauthFixture(core: SandboxCore, provider: UserRecord): SandboxFixtures['oauth'] {
	const { oauth } = DEMO_CREDENTIALS;
	core.oauth.registerClient({
		clientId: oauth.clientId,
		clientSecret: oauth.clientSecret,
		defaultUserId: provider._id,
	});
	return {
		serviceName: oauth.serviceName,
		clientId: oauth.clientId,
		clientSecret: oauth.clientSecret,
		authorizeUrl: `${core.url}/oauth/authorize`,
		tokenUrl: `${core.url}/oauth/token`,
		userInfoUrl: `${core.url}/oauth/userinfo`,
		providerUser: { sub: core.oauth.subjectOf(provider), username: provider.username },
	};
}

function seedAdmin(core: SandboxCore): { admin: UserRecord; fixture: SandboxFixtures['admin'] } {
	const { state } = core;
	const c = DEMO_CREDENTIALS.admin;
	const admin = state.addUser({
		username: c.username,
		name: 'Администратор Squadus',
		email: `admin@${DOMAIN}`,
		password: c.password,
		roles: ['admin'],
	});
	state.createPersonalAccessToken(admin._id, 'n8n', c.personalAccessToken);
	return {
		admin,
		fixture: { ...fixtureUser(admin, c.password), personalAccessToken: c.personalAccessToken },
	};
}

/** Only the admin (plus the OAuth client and a SAML credential, both acting as the admin). */
export function seedEmpty(core: SandboxCore): SandboxFixtures {
	const { admin, fixture } = seedAdmin(core);
	core.state.createSamlCredential(admin._id, DEMO_CREDENTIALS.saml.credentialToken);
	const partial = {
		seed: 'empty' as const,
		admin: fixture,
		users: [fixtureUser(admin, DEMO_CREDENTIALS.admin.password)],
		oauth: oauthFixture(core, admin),
		saml: { credentialToken: DEMO_CREDENTIALS.saml.credentialToken, username: admin.username },
	};
	// demo-only fixtures throw a clear error instead of being silently undefined
	for (const key of [
		'user',
		'totpUser',
		'bot',
		'channels',
		'messages',
		'file',
		'conference',
	] as const) {
		Object.defineProperty(partial, key, {
			enumerable: false,
			get() {
				throw new Error(
					`fixtures.${key} exists only with seed 'demo' (this sandbox was started with seed 'empty')`,
				);
			},
		});
	}
	return partial as unknown as SandboxFixtures;
}

export function seedDemo(core: SandboxCore): SandboxFixtures {
	const { state } = core;
	const C = DEMO_CREDENTIALS;
	const { admin, fixture: adminFixture } = seedAdmin(core);
	const ivan = state.addUser({
		username: C.user.username,
		name: 'Иван Петров',
		email: `ivan.petrov@${DOMAIN}`,
		password: C.user.password,
		bio: 'Разработчик',
		nickname: 'ivan',
	});
	const maria = state.addUser({
		username: C.totpUser.username,
		name: 'Мария Иванова',
		email: `maria.ivanova@${DOMAIN}`,
		password: C.totpUser.password,
		totpSecret: C.totpUser.totpSecret,
	});
	const bot = state.addUser({
		username: C.bot.username,
		name: 'Notify Bot',
		email: `notify.bot@${DOMAIN}`,
		password: C.bot.password,
		roles: ['bot'],
	});
	const anna = state.addUser({
		username: C.anna.username,
		name: 'Анна Смирнова',
		email: `anna.smirnova@${DOMAIN}`,
		password: C.anna.password,
		statusText: 'В отпуске до понедельника',
	});
	const petr = state.addUser({
		username: C.petr.username,
		name: 'Пётр Сидоров',
		email: `petr.sidorov@${DOMAIN}`,
		password: C.petr.password,
	});
	state.createPersonalAccessToken(ivan._id, 'n8n', C.user.personalAccessToken);
	state.createPersonalAccessToken(bot._id, 'n8n', C.bot.personalAccessToken);

	const everyoneElse = [ivan, maria, bot, anna, petr].map((u) => u._id);
	const general = state.createRoom({
		t: 'c',
		name: 'general',
		creator: admin,
		memberIds: everyoneElse,
		isDefault: true,
		description: 'Общий канал компании',
		topic: 'Новости и объявления',
	});
	const dev = state.createRoom({
		t: 'c',
		name: 'dev',
		creator: ivan,
		memberIds: [admin._id, anna._id, bot._id],
		description: 'Разработка',
		topic: 'Релизы и сборки',
	});
	const random = state.createRoom({
		t: 'c',
		name: 'random',
		creator: admin,
		memberIds: [ivan._id, maria._id],
	});

	const welcome = state.addMessage(general._id, admin, {
		msg: 'Добро пожаловать в Squadus! Здесь общий канал компании.',
	});
	state.addMessage(general._id, ivan, {
		msg: 'Всем привет! Регламент работы: https://wiki.squadus.test/reglament',
	});
	state.addMessage(general._id, anna, {
		msg: '@ivan.petrov спасибо, посмотрю. Обсуждение сборок в #dev',
	});
	state.addMessage(general._id, bot, { msg: 'Сборка 1.7.42 прошла успешно', groupable: false });
	state.addMessage(dev._id, ivan, { msg: 'Выложил квартальный отчёт, посмотрите' });
	const report = state.uploadFile(
		dev._id,
		ivan,
		'report.txt',
		'text/plain',
		Buffer.from('Квартальный отчёт\nВыручка: 1 000 000 ₽\nЗадачи закрыты: 42\n', 'utf8'),
		'Отчёт за квартал',
	);
	state.addMessage(random._id, maria, { msg: 'Кто идёт на обед в 13:00?' });

	// A booked weekly stand-up in #general that already ran once (record, chat log, transcript).
	const now = Date.now();
	const tomorrow10 = new Date(now + 24 * HOUR);
	tomorrow10.setHours(10, 0, 0, 0);
	const conference = state.addConference({
		name: 'Планёрка',
		status: 'BOOKED',
		type: 'REGULAR',
		rid: general._id,
		conferenceSettings: { audioMute: true, videoMute: false, waitingRoomEnable: false },
		videoAdapter: 'Jitsi',
		conferenceFormat: 'conference',
		creatorId: admin._id,
		participants: new Map([
			[admin._id, { userId: admin._id, role: 'MODERATOR', status: 'PARTICIPATE', invited: false }],
			[ivan._id, { userId: ivan._id, role: 'USER', status: 'PARTICIPATED', invited: true }],
			[anna._id, { userId: anna._id, role: 'USER', status: 'DECLINED', invited: true }],
			[maria._id, { userId: maria._id, role: 'USER', status: 'NOT_ANSWERED', invited: true }],
		]),
		joined: new Set(),
		createdAt: now - 48 * HOUR,
		updatedAt: now - 23 * HOUR,
		plannedStartTime: tomorrow10.getTime(),
		plannedEndTime: tomorrow10.getTime() + HOUR,
		createChat: false,
		showChat: true,
		persistentChat: false,
		records: [],
		countMessages: 0,
		countBreakouts: 1,
	});
	addMeetingArtefacts(state, conference, now - 24 * HOUR, now - 23 * HOUR, [admin._id, ivan._id]);

	state.createSamlCredential(ivan._id, C.saml.credentialToken);
	state.logChange(admin.username, 'Site_Name', 'Squadus');
	state.logChange(admin.username, 'Accounts_TwoFactorAuthentication_Enabled', 'true');
	state.logChange(admin.username, 'FileUpload_MaxFileSize', '104857600');

	return {
		seed: 'demo',
		admin: adminFixture,
		user: {
			...fixtureUser(ivan, C.user.password),
			personalAccessToken: C.user.personalAccessToken,
		},
		totpUser: { ...fixtureUser(maria, C.totpUser.password), totpSecret: C.totpUser.totpSecret },
		bot: { ...fixtureUser(bot, C.bot.password), personalAccessToken: C.bot.personalAccessToken },
		users: [
			fixtureUser(admin, C.admin.password),
			fixtureUser(ivan, C.user.password),
			fixtureUser(maria, C.totpUser.password),
			fixtureUser(bot, C.bot.password),
			fixtureUser(anna, C.anna.password),
			fixtureUser(petr, C.petr.password),
		],
		channels: {
			general: { _id: general._id, name: 'general' },
			dev: { _id: dev._id, name: 'dev' },
			random: { _id: random._id, name: 'random' },
		},
		messages: { welcome: { _id: welcome._id, rid: general._id } },
		file: {
			_id: report._id,
			name: report.name,
			type: report.type,
			url: fileUrl(report),
			rid: dev._id,
		},
		conference: {
			_id: conference._id,
			number: conference.number,
			rid: general._id,
			meetingId: conference._id,
			recordId: conference.records[0].id,
		},
		oauth: oauthFixture(core, ivan),
		saml: { credentialToken: C.saml.credentialToken, username: ivan.username },
	};
}
