// Version 2 of Squadus Conference takes each list of users in one field: picks from the list
// (user IDs), or an expression that gives IDs or usernames, as a list or separated by commas.
import { NodeHelpers, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { SquadusConference } from '../../../nodes/SquadusConference/SquadusConference.node';
import { runLoadOptions } from '../../harness';
import { nodeCredentials, passwordStore, useSandbox } from '../helpers';
import { byId, expectFailure, freshConference, runConference } from './setup';

const v2 = { typeVersion: 2 };

describe('Squadus Conference version 2: one field per list of users', () => {
	const ctx = useSandbox();
	beforeEach(() => ctx.sandbox.clearRequests());
	const anna = () => ctx.sandbox.fixtures.users.find((u) => u.username === 'anna.smirnova')!;
	const running = () => freshConference(ctx.sandbox, { status: 'STARTED', started: Date.now() });

	it('Invite Users by Message: users picked from the list are sent as IDs, with no lookup', async () => {
		const { sandbox } = ctx;
		const { fixtures } = sandbox;
		const conference = running();
		const result = await runConference(
			sandbox,
			{
				operation: 'inviteByMessage',
				meetingId: conference._id,
				userList: [fixtures.user._id, anna()._id],
			},
			v2,
		);
		expect(result.nodeError).toBeUndefined();
		expect(sandbox.requests({ path: '/api/v1/users.info' })).toEqual([]);
		const [request] = sandbox.requests({ path: '/api/v1/conference.inviteUsers' });
		expect(request.body).toEqual({
			meetingId: conference._id,
			userIds: [fixtures.user._id, anna()._id],
		});
		expect(result.json).toEqual([
			{ success: true, meetingId: conference._id, userIds: [fixtures.user._id, anna()._id] },
		]);
		expect(conference.participants.get(anna()._id)).toMatchObject({ invited: true });
	});

	it('Invite Users by Call: an expression gives a list of usernames, or text separated by commas', async () => {
		const { sandbox } = ctx;
		const { fixtures } = sandbox;
		const conference = running();
		const result = await runConference(
			sandbox,
			{ operation: 'inviteByCall', meetingId: conference._id, userList: '={{ $json.who }}' },
			{
				...v2,
				input: [{ who: ['anna.smirnova', '@notify.bot'] }, { who: `ivan.petrov, ${anna()._id}` }],
			},
		);
		expect(result.nodeError).toBeUndefined();
		const bodies = sandbox.requests({ path: '/api/v1/conference.callUsers' }).map((r) => r.body);
		expect(bodies).toEqual([
			{ meetingId: conference._id, userIds: [anna()._id, fixtures.bot._id] },
			{ meetingId: conference._id, userIds: [fixtures.user._id, anna()._id] },
		]);
		expect(result.json.map((item) => item.userIds)).toEqual(bodies.map((body) => body.userIds));
	});

	it('fails before any request, naming the field, when no user is given', async () => {
		const { sandbox } = ctx;
		const conference = running();
		await expectFailure(
			sandbox,
			{ operation: 'inviteByMessage', meetingId: conference._id, userList: [] },
			/The parameter "Users" is empty/,
			v2,
		);
		expect(sandbox.requests({ path: '/api/v1/conference.inviteUsers' })).toEqual([]);
	});

	it('names the field when an expression gives an e-mail address', async () => {
		const { sandbox } = ctx;
		const conference = running();
		await expectFailure(
			sandbox,
			{
				operation: 'inviteByMessage',
				meetingId: conference._id,
				userList: '={{ ["anna@example.com"] }}',
			},
			/The parameter "Users" contains "anna@example.com", which is an e-mail address/,
			v2,
		);
		expect(sandbox.requests({ path: '/api/v1/conference.inviteUsers' })).toEqual([]);
	});

	it('Create: Invitations from picks and an expression, each with its display name', async () => {
		const { sandbox } = ctx;
		const { fixtures } = sandbox;
		const result = await runConference(
			sandbox,
			{
				operation: 'create',
				name: 'Onboarding call',
				room: byId(fixtures.channels.general._id),
				additionalFields: { invitationList: [fixtures.user._id, 'anna.smirnova'] },
			},
			v2,
		);
		expect(result.nodeError).toBeUndefined();
		const [request] = sandbox.requests({ path: '/api/v1/scc.createConference' });
		expect(request.body.conference.invitations).toEqual([
			{ id: fixtures.user._id, name: fixtures.user.name },
			{ id: anna()._id, name: anna().name },
		]);
		const created = sandbox.state.conferences.get(result.json[0]._id as string);
		expect(created?.name).toBe('Onboarding call');
	});

	it('Start: Invited Users are sent as invitedUsersIds', async () => {
		const { sandbox } = ctx;
		const conference = freshConference(sandbox);
		const result = await runConference(
			sandbox,
			{
				operation: 'start',
				conference: { __rl: true, mode: 'number', value: String(conference.number) },
				room: byId(conference.rid as string),
				options: { invitedUserList: '={{ ["anna.smirnova"] }}' },
			},
			v2,
		);
		expect(result.nodeError).toBeUndefined();
		const [request] = sandbox.requests({ path: '/api/v1/scc.startConference' });
		expect(request.body).toMatchObject({
			conferenceNumber: String(conference.number),
			invitedUsersIds: [anna()._id],
		});
	});

	it('the list of users comes from users.list, paged, active users only', async () => {
		const { sandbox } = ctx;
		const gone = sandbox.state.addUser({
			username: 'former.employee',
			name: 'Former Employee',
			password: 'Former#Passw0rd',
			email: 'former@example.com',
			active: false,
		} as Parameters<typeof sandbox.state.addUser>[0]);
		const auth = 'password';
		const options = await runLoadOptions(
			{
				nodeType: 'squadusConference',
				parameters: { authentication: auth },
				credentials: nodeCredentials(auth),
				store: passwordStore(sandbox),
				typeVersion: 2,
			},
			'getUsers',
		);
		const active = [...sandbox.state.users.values()].filter((user) => user.active);
		expect(options).toHaveLength(active.length);
		expect(options).toContainEqual({ name: `${anna().name} (@anna.smirnova)`, value: anna()._id });
		expect(options.map((option) => option.value)).not.toContain(gone._id);
		const requests = sandbox.requests({ path: '/api/v1/users.list' });
		expect(requests.length).toBeGreaterThan(0);
		expect(requests[0].query).toMatchObject({ offset: '0', count: '100' });
	});
});

describe('Squadus Conference description: one user field per operation in version 2', () => {
	const description = new SquadusConference().description as INodeTypeDescription;
	const operations = (
		description.properties.find((p) => p.name === 'operation')!.options ?? []
	).map((option) => ('value' in option ? String(option.value) : ''));
	const shown = (typeVersion: number, operation: string): INodeProperties[] => {
		const node = { typeVersion, parameters: { operation } } as never;
		const flatten = (properties: INodeProperties[]): INodeProperties[] =>
			properties.flatMap((p) => [
				p,
				...flatten((p.options ?? []).filter((o): o is INodeProperties => 'type' in o)),
			]);
		return flatten(
			description.properties.filter((p) =>
				NodeHelpers.displayParameter({ operation }, p, node, description),
			),
		).filter(
			(p) =>
				!p.displayOptions?.show?.['@version'] ||
				NodeHelpers.displayParameter({ operation }, p, node, description),
		);
	};
	const userFields = (properties: INodeProperties[]) =>
		properties.filter(
			(p) =>
				p.typeOptions?.loadOptionsMethod === 'getUsers' ||
				/User IDs|Invitation IDs|^Users$|^Invitations$|^Invited Users$/.test(p.displayName),
		);

	it('declares versions 1 and 2, 2 by default', () => {
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
	});

	it.each(['create', 'update', 'start', 'inviteByMessage', 'inviteByCall'])(
		'%s: one field in v2, two in v1',
		(operation) => {
			expect(operations).toContain(operation);
			const inV2 = userFields(shown(2, operation));
			expect(inV2).toHaveLength(1);
			expect(inV2[0].type).toBe('multiOptions');
			expect(userFields(shown(1, operation))).toHaveLength(2);
		},
	);
});
