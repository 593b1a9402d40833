// A server that answers user objects as a real admin API can: with `password` and `services`
// (password hash, resume tokens, TOTP secret, e-mail codes, an LDAP and an OAuth login) filled in.
// No node output carries any of them; of the external logins only their `id` is kept.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { poller } from '../SquadusTrigger/setup';
import { byId, byUsername, picked } from '../SquadusConference/setup';
import { runNode, useSandbox, type NodeRun } from '../helpers';
import { visibleText } from '../secrets';

const ctx = useSandbox({ userServices: true });
const INFO = '/api/v1/users.info';

/** What the sandbox handed out for users (hashes, tokens, codes), plus every other secret it has. */
function expectNothingSecret(text: string): void {
	const secrets = ctx.sandbox.secrets();
	expect(secrets.filter((secret) => secret.startsWith('resume-')).length).toBeGreaterThan(0);
	expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
	expect(text).not.toMatch(/bcrypt|loginTokens|hashedToken|hashedBackup|accessToken|refreshToken/);
}

/** The user as the node must output it: no password, of `services` only the external logins' ids. */
function expectSafeUser(user: IDataObject, id: string): void {
	expect(user._id).toBe(id);
	expect(user).not.toHaveProperty('password');
	expect(user.services).toEqual({ ldap: { id: `ldap-${id}` }, keycloak: { id: `kc-${id}` } });
}

const userRun = (parameters: INodeParameters, input: IDataObject[] = [{}]): Promise<NodeRun> =>
	runNode(ctx.sandbox, 'squadusUser', parameters, { input });

beforeEach(() => ctx.sandbox.clearRequests());

describe('User objects with login data from the server', () => {
	it('the sandbox really sends them to an admin (users.info)', async () => {
		const { sandbox } = ctx;
		const { admin, user } = sandbox.fixtures;
		const response = await fetch(`${sandbox.url}/api/v1/users.info?userId=${user._id}`, {
			headers: { 'X-Auth-Token': admin.personalAccessToken, 'X-User-Id': admin._id },
		});
		const body = (await response.json()) as { user: IDataObject };
		expect(body.user.password).toEqual({ bcrypt: expect.stringMatching(/^bcrypt-/) });
		expect(Object.keys(body.user.services as IDataObject).sort()).toEqual(
			['email', 'email2fa', 'keycloak', 'ldap', 'password', 'resume', 'totp'].sort(),
		);
	});

	it('User → Get by ID and by username outputs none of them', async () => {
		const { user } = ctx.sandbox.fixtures;
		const run = await userRun(
			{ operation: 'get', user: { __rl: true, mode: 'username', value: '={{ $json.who }}' } },
			[{ who: `@${user.username}` }, { who: user.username }],
		);
		expect(run.nodeError).toBeUndefined();
		expect(ctx.sandbox.requests({ path: INFO })).toHaveLength(2);
		expect(run.json).toHaveLength(2);
		run.json.forEach((json) => expectSafeUser(json, user._id));
		expectNothingSecret(visibleText(run));

		const byIdRun = await userRun({
			operation: 'get',
			user: { __rl: true, mode: 'id', value: user._id },
			options: { includeRooms: true },
		});
		expect(byIdRun.nodeError).toBeUndefined();
		expectSafeUser(byIdRun.json[0], user._id);
		expect(byIdRun.json[0].rooms).toEqual(expect.any(Array));
		expectNothingSecret(visibleText(byIdRun));
	});

	it('User → Create outputs none of them', async () => {
		const run = await userRun({
			operation: 'create',
			name: 'Service Check',
			username: 'service.check',
			email: 'service.check@example.ru',
			password: 'Service#Passw0rd',
		});
		expect(run.nodeError).toBeUndefined();
		expect(ctx.sandbox.requests({ path: '/api/v1/users.create' })).toHaveLength(1);
		expectSafeUser(run.json[0], run.json[0]._id as string);
		expect(run.json[0].username).toBe('service.check');
		expectNothingSecret(visibleText(run));
	});

	it('User → Delete looks the user up and outputs none of them', async () => {
		const made = ctx.sandbox.createUser({ username: 'leaving.soon', password: 'Leaving#1' });
		const run = await userRun({
			operation: 'delete',
			user: { __rl: true, mode: 'username', value: '@leaving.soon' },
		});
		expect(run.nodeError).toBeUndefined();
		expect(ctx.sandbox.requests({ path: INFO })).toHaveLength(1);
		expect(run.json).toEqual([{ deleted: true, userId: made._id, username: 'leaving.soon' }]);
		expectNothingSecret(visibleText(run));
	});

	it('Conference → Create looks invitees up and outputs none of them', async () => {
		const { fixtures } = ctx.sandbox;
		const run = await runNode(
			ctx.sandbox,
			'squadusConference',
			{
				operation: 'create',
				name: 'Services check',
				room: byId(fixtures.channels.general._id),
				additionalFields: {
					invitations: picked(byUsername('anna.smirnova')),
					invitationIds: `${fixtures.bot.username}, ${fixtures.user.username}`,
				},
			},
			{ input: [{}] },
		);
		expect(run.nodeError).toBeUndefined();
		expect(ctx.sandbox.requests({ path: INFO })).toHaveLength(3);
		expect(run.json).toHaveLength(1);
		expectNothingSecret(visibleText(run));
	});

	it('the Trigger outputs none of them', async () => {
		const { sandbox } = ctx;
		const channel = sandbox.fixtures.channels.dev;
		const trigger = poller(sandbox, {
			event: 'newChannelMessage',
			channel: byId(channel._id),
			options: { replayHistory: true },
		});
		sandbox.addMessages(channel._id, 3, { userId: sandbox.fixtures.user._id });
		const items = await trigger.poll();
		expect(items.length).toBeGreaterThanOrEqual(3);
		expectNothingSecret(JSON.stringify({ items, staticData: trigger.staticData }));
	});
});
