import { presentRoom } from '../../sandbox/present';
import { useSandbox } from '../helpers';
import { expectDrawnFrom } from '../simplify';
import { nodeRunner } from '../SquadusChat/setup';

const ctx = useSandbox();
const { run } = nodeRunner(ctx, 'squadusDirectMessage');

describe('Squadus Direct Message: Simplify (node version 2)', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	const create = { operation: 'create', usernames: 'ivan.petrov' };
	/** The room as dm.create presents it (with its `rid`). */
	const stored = (id: unknown): Record<string, unknown> => {
		const room = ctx.sandbox.state.rooms.get(String(id))!;
		return { ...presentRoom(ctx.sandbox.state, room), rid: room._id };
	};

	it('Create at version 2 returns the room simplified: who is in it and its counters', async () => {
		const result = await run(create, { typeVersion: 2 });

		expect(ctx.sandbox.requests({ path: '/api/v1/dm.create' })[0].body).toEqual({
			usernames: 'ivan.petrov',
		});
		const raw = stored(result.json[0]._id);
		expect(result.json).toEqual([
			{
				_id: raw._id,
				t: 'd',
				usernames: ['admin', 'ivan.petrov'],
				ro: false,
				usersCount: raw.usersCount,
				msgs: raw.msgs,
				ts: raw.ts,
				...(raw.lm === undefined ? {} : { lm: raw.lm }),
			},
		]);
		expectDrawnFrom(result.json[0], raw);
	});

	it('Create at version 2 with Simplify off, and at version 1, return the raw room', async () => {
		const off = await run({ ...create, simplify: false }, { typeVersion: 2 });
		const v1 = await run(create);

		expect(off.json).toEqual([stored(off.json[0]._id)]);
		expect(v1.json).toEqual([stored(v1.json[0]._id)]);
	});
});
