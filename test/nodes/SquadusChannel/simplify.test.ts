import { presentMessage, presentRoom, userPublic } from '../../sandbox/present';
import { useSandbox } from '../helpers';
import { expectDrawnFrom } from '../simplify';
import { byId, freshChannel, runChannel } from './setup';

describe('Squadus Channel: Simplify (node version 2)', () => {
	const ctx = useSandbox();
	beforeEach(() => ctx.sandbox.clearRequests());

	/** The channel as the server presents it now. */
	const stored = (id: string) => presentRoom(ctx.sandbox.state, ctx.sandbox.state.rooms.get(id)!);

	it('Get at version 2 returns the simplified channel by default', async () => {
		const { sandbox } = ctx;
		const { admin } = sandbox.fixtures;
		const channel = freshChannel(sandbox, { memberIds: [sandbox.fixtures.user._id] });

		const result = await runChannel(
			sandbox,
			{ operation: 'get', channel: byId(channel._id) },
			{
				typeVersion: 2,
			},
		);

		expect(sandbox.requests({ path: '/api/v1/channels.info' })[0].query).toEqual({
			roomId: channel._id,
		});
		const raw = stored(channel._id);
		expect(result.json).toEqual([
			{
				_id: channel._id,
				t: 'c',
				name: channel.name,
				fname: channel.name,
				ro: false,
				archived: false,
				usersCount: 2,
				msgs: 0,
				ts: raw.ts,
				u: {
					_id: admin._id,
					username: admin.username,
					name: sandbox.state.userById(admin._id)!.name,
				},
			},
		]);
		expectDrawnFrom(result.json[0], raw);
	});

	it('Get at version 2 with Simplify off, and at version 1, return the raw channel', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		const parameters = { operation: 'get', channel: byId(channel._id) };

		const off = await runChannel(sandbox, { ...parameters, simplify: false }, { typeVersion: 2 });
		const v1 = await runChannel(sandbox, parameters);

		expect(off.json).toEqual([stored(channel._id)]);
		expect(v1.json).toEqual([stored(channel._id)]);
	});

	it('reads Simplify per input item, so an expression can choose it item by item', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);

		const result = await runChannel(
			sandbox,
			{ operation: 'get', channel: byId(channel._id), simplify: '={{ $json.simple }}' },
			{ typeVersion: 2, input: [{ simple: true }, { simple: false }] },
		);

		expect(result.json[1]).toEqual(stored(channel._id));
		expect(result.json[0]).toEqual(
			expect.objectContaining({ _id: channel._id, name: channel.name }),
		);
		expect(result.json[0]).not.toHaveProperty('customFields');
		expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});

	it('Get Many at version 2 simplifies every channel of the list', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);

		const result = await runChannel(
			sandbox,
			{ operation: 'getAll', returnAll: true, filters: { name: channel.name } },
			{ typeVersion: 2 },
		);

		expect(sandbox.requests({ path: '/api/v1/channels.list' })).toHaveLength(1);
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ _id: channel._id, name: channel.name, t: 'c' });
		expect(result.json[0]).not.toHaveProperty('customFields');
		expectDrawnFrom(result.json[0], stored(channel._id));
	});

	it('Get Members at version 2 returns each member simplified as a user', async () => {
		const { sandbox } = ctx;
		const { admin, user } = sandbox.fixtures;
		const channel = freshChannel(sandbox, { memberIds: [user._id] });

		const result = await runChannel(
			sandbox,
			{ operation: 'getMembers', channel: byId(channel._id), returnAll: true },
			{ typeVersion: 2 },
		);

		const records = [admin._id, user._id].map((id) => sandbox.state.userById(id)!);
		const byId_ = (a: { _id?: unknown }, b: { _id?: unknown }) =>
			String(a._id).localeCompare(String(b._id));
		expect([...result.json].sort(byId_)).toEqual(
			records
				.map((record) => ({
					_id: record._id,
					username: record.username,
					name: record.name,
					type: record.type,
					active: record.active,
					roles: record.roles,
					status: record.status,
				}))
				.sort(byId_),
		);
		for (const member of result.json) {
			const record = sandbox.state.userById(String(member._id))!;
			expectDrawnFrom(member, { ...userPublic(record), roles: [...record.roles] });
		}
	});

	it('Get Messages at version 2 simplifies a file message to its text, author, attachment and file', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		const author = sandbox.state.userById(sandbox.fixtures.admin._id)!;
		const file = sandbox.state.uploadFile(
			channel._id,
			author,
			'report.pdf',
			'application/pdf',
			Buffer.from('%PDF-1.4'),
			'Квартальный отчёт',
		);
		const message = sandbox.state.roomMessages.get(channel._id)!.at(-1)!;

		const simplified = await runChannel(
			sandbox,
			{ operation: 'getMessages', channel: byId(channel._id), returnAll: true },
			{ typeVersion: 2 },
		);
		const raw = await runChannel(
			sandbox,
			{ operation: 'getMessages', channel: byId(channel._id), returnAll: true, simplify: false },
			{ typeVersion: 2 },
		);

		const presented = presentMessage(sandbox.state, message);
		expect(raw.json).toEqual([presented]);
		expect(simplified.json).toEqual([
			{
				_id: message._id,
				rid: channel._id,
				msg: '',
				ts: presented.ts,
				u: { _id: author._id, username: author.username, name: author.name },
				attachments: [
					{
						title: 'report.pdf',
						title_link: (presented.attachments as Array<{ title_link: string }>)[0].title_link,
						description: 'Квартальный отчёт',
					},
				],
				file: { _id: file._id, name: 'report.pdf', type: 'application/pdf', size: file.size },
			},
		]);
		expectDrawnFrom(simplified.json[0], presented);
	});

	it('Create at version 2 returns the new channel simplified; the request is unchanged', async () => {
		const { sandbox } = ctx;
		const name = `simplify-${Math.random().toString(36).slice(2, 8)}`;

		const result = await runChannel(
			sandbox,
			{ operation: 'create', name, additionalFields: { readOnly: true } },
			{ typeVersion: 2 },
		);

		expect(sandbox.requests({ path: '/api/v1/channels.create' })[0].body).toEqual({
			name,
			readOnly: true,
		});
		const id = String(result.json[0]._id);
		expect(result.json[0]).toMatchObject({ _id: id, name, t: 'c', ro: true, usersCount: 1 });
		expectDrawnFrom(result.json[0], stored(id));
		expect(Object.keys(result.json[0]).length).toBeLessThan(Object.keys(stored(id)).length);
	});
});
