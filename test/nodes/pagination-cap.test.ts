// Pagination against a server whose count cap (Rocket.Chat's API_Upper_Count_Limit admin setting)
// is below the node's page size: every page the server answers is short, and only `total` says
// where the list ends. Every paginated family, and the trigger's catch-up, over 250 items.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { runNode, useSandbox } from './helpers';
import { freshConference } from './SquadusConference/setup';
import { poller } from './SquadusTrigger/setup';

const CAP = 40;
const ctx = useSandbox({ seed: 'empty', maxCount: CAP });

/** The offsets a walk over `items` items must ask for: 0, 40, 80, … and no more. */
const offsetsFor = (items: number) =>
	Array.from({ length: Math.ceil(items / CAP) }, (_, page) => String(page * CAP));

interface Family {
	name: string;
	/** the endpoint the node pages through */
	path: string;
	node: string;
	/** Makes a list of exactly `size` items; returns its ids and the node parameters for it. */
	make(sandbox: Sandbox, size: number): { ids: string[]; parameters: INodeParameters };
	/** the id an output item is known by (default `_id`) */
	id?(item: IDataObject): string;
}

let made = 0;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const admin = (sandbox: Sandbox) => sandbox.state.userById(sandbox.fixtures.admin._id)!;
const newChannel = (sandbox: Sandbox) =>
	sandbox.state.createRoom({ t: 'c', name: `cap-${++made}`, creator: admin(sandbox) });

const families: Family[] = [
	{
		name: 'channel messages',
		path: '/api/v1/channels.messages',
		node: 'squadusChannel',
		make(sandbox, size) {
			const room = newChannel(sandbox);
			const ids = sandbox.addMessages(room._id, size);
			return { ids, parameters: { operation: 'getMessages', channel: byId(room._id) } };
		},
	},
	{
		name: 'channel members',
		path: '/api/v1/channels.members',
		node: 'squadusChannel',
		make(sandbox, size) {
			const room = newChannel(sandbox); // its creator is the first member
			const ids = [sandbox.fixtures.admin._id];
			for (let n = 1; n < size; n++) {
				const user = sandbox.createUser({ username: `member-${++made}`, password: 'x' });
				sandbox.state.subscribe(room._id, user._id);
				ids.push(user._id);
			}
			return { ids, parameters: { operation: 'getMembers', channel: byId(room._id) } };
		},
	},
	{
		name: 'channels',
		path: '/api/v1/channels.list',
		node: 'squadusChannel',
		make(sandbox, size) {
			for (const room of [...sandbox.state.rooms.values()])
				if (room.t === 'c') sandbox.state.removeRoom(room._id);
			const ids = Array.from({ length: size }, () => newChannel(sandbox)._id);
			return { ids, parameters: { operation: 'getAll' } };
		},
	},
	{
		name: 'conferences in a room',
		path: '/api/v1/scc.getRoomConferences',
		node: 'squadusConference',
		make(sandbox, size) {
			const room = newChannel(sandbox);
			const ids = Array.from(
				{ length: size },
				(_, n) => freshConference(sandbox, { rid: room._id, createdAt: Date.now() + n }).number,
			);
			return { ids, parameters: { operation: 'getManyInRoom', room: byId(room._id) } };
		},
		id: (item) => item.number as string,
	},
	{
		name: 'changelog',
		path: '/api/v1/changelog.list',
		node: 'squadusChangelog',
		make(sandbox, size) {
			const { state } = sandbox;
			state.changelog.length = 0;
			for (let n = 0; n < size; n++) state.logChange('admin', `Cap_Setting_${++made}`, n);
			return {
				ids: state.changelog.map((entry) => entry._id),
				parameters: { operation: 'getAll' },
			};
		},
	},
];

const idOf = (family: Family) => family.id ?? ((item: IDataObject) => item._id as string);

/** The ids the node output, checked to be each there exactly once. */
function onceEach(items: IDataObject[], family: Family): string[] {
	const ids = items.map(idOf(family));
	expect(new Set(ids).size).toBe(ids.length);
	return ids;
}

describe(`Pagination when the server caps count at ${CAP}`, () => {
	describe.each(families)('$name', (family) => {
		const run = (parameters: INodeParameters) =>
			runNode(ctx.sandbox, family.node, parameters, { input: [{}] });
		const offsets = () => ctx.sandbox.requests({ path: family.path }).map((r) => r.query.offset);
		/** Return All over a list of `size`: each item once, and exactly the pages it takes. */
		async function expectAllOnce(parameters: INodeParameters, ids: string[], size: number) {
			ctx.sandbox.clearRequests();
			const all = await run({ ...parameters, returnAll: true });
			expect(all.nodeError).toBeUndefined();
			expect(onceEach(all.json, family).sort()).toEqual([...ids].sort());
			expect(offsets()).toEqual(offsetsFor(size));
			return all;
		}

		it('Return All and Limit 150 over 250 items: each item once, offsets 0, 40, 80, …', async () => {
			const { sandbox } = ctx;
			const { ids, parameters } = family.make(sandbox, 250);
			const all = await expectAllOnce(parameters, ids, 250);

			sandbox.clearRequests();
			const limited = await run({ ...parameters, returnAll: false, limit: 150 });
			expect(limited.nodeError).toBeUndefined();
			const first = onceEach(limited.json, family);
			expect(first).toEqual(all.json.slice(0, 150).map(idOf(family)));
			expect(offsets()).toEqual(offsetsFor(150));
		});

		it('stops at total without an extra request when total is a multiple of the cap', async () => {
			const { ids, parameters } = family.make(ctx.sandbox, 6 * CAP);
			await expectAllOnce(parameters, ids, 6 * CAP);
		});
	});

	it("the trigger's catch-up reads 250 new channel messages once each, 40 a page", async () => {
		const { sandbox } = ctx;
		const room = newChannel(sandbox);
		sandbox.addMessages(room._id, 5);
		const trigger = poller(sandbox, {
			event: 'newChannelMessage',
			channel: byId(room._id),
		});
		expect(await trigger.poll()).toEqual([]);
		// addMessages stamps its messages 1 ms apart, ending now: let the new ones come after
		await new Promise((resolve) => setTimeout(resolve, 20));
		const sent = sandbox.addMessages(room._id, 250);

		sandbox.clearRequests();
		const received = (await trigger.poll()).map((item) => item._id as string);
		expect(received).toEqual(sent);
		const pages = sandbox.requests({ path: '/api/v1/channels.messages' });
		expect(pages.map((r) => r.query.offset)).toEqual(offsetsFor(250 + 5));
		expect(await trigger.poll()).toEqual([]);
	});
});
