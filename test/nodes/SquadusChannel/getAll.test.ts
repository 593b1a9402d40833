import { CredentialStore } from '../../harness';
import { CREDENTIAL_NAME, useSandbox } from '../helpers';
import { freshChannel, runChannel } from './setup';

describe('Squadus Channel → Get Many', () => {
	const ctx = useSandbox();
	const path = '/api/v1/channels.list';
	beforeEach(() => ctx.sandbox.clearRequests());

	const publicChannels = () =>
		[...ctx.sandbox.state.rooms.values()].filter((room) => room.t === 'c' && !room.teamId);

	it('returns every channel with Return All, in pages of 100', async () => {
		const { sandbox } = ctx;
		for (let n = 0; n < 3; n++) freshChannel(sandbox);
		const result = await runChannel(sandbox, { operation: 'getAll', returnAll: true });

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].query).toEqual({ offset: '0', count: '100' });
		expect(result.json.map((channel) => channel._id).sort()).toEqual(
			publicChannels()
				.map((room) => room._id)
				.sort(),
		);
	});

	it('sends the Limit to the API', async () => {
		const { sandbox } = ctx;
		const result = await runChannel(sandbox, { operation: 'getAll', returnAll: false, limit: 2 });

		expect(sandbox.requests({ path }).map((r) => r.query)).toEqual([{ offset: '0', count: '2' }]);
		expect(result.json).toHaveLength(2);
	});

	it('filters by name and sorts on the server', async () => {
		const { sandbox } = ctx;
		const marker = `zz${Math.random().toString(36).slice(2, 6)}`;
		for (const suffix of ['a', 'c', 'b']) {
			sandbox.state.createRoom({
				t: 'c',
				name: `${marker}-${suffix}`,
				creator: sandbox.state.userById(sandbox.fixtures.admin._id)!,
			});
		}
		const result = await runChannel(sandbox, {
			operation: 'getAll',
			returnAll: true,
			filters: { name: marker.toUpperCase(), sortBy: 'name', sortDirection: 'desc' },
		});

		const [request] = sandbox.requests({ path });
		expect(JSON.parse(request.query.query)).toEqual({
			name: { $regex: marker.toUpperCase(), $options: 'i' },
		});
		expect(JSON.parse(request.query.sort)).toEqual({ name: -1 });
		expect(result.json.map((channel) => channel.name)).toEqual([
			`${marker}-c`,
			`${marker}-b`,
			`${marker}-a`,
		]);
	});

	it('escapes regular-expression characters in Name Contains', async () => {
		const { sandbox } = ctx;
		const result = await runChannel(sandbox, {
			operation: 'getAll',
			returnAll: true,
			filters: { name: 'gen.*' },
		});

		const [request] = sandbox.requests({ path });
		expect(JSON.parse(request.query.query)).toEqual({
			name: { $regex: 'gen\\.\\*', $options: 'i' },
		});
		expect(result.json).toEqual([]);
	});

	it('surfaces the server message when the credentials are rejected', async () => {
		const { sandbox } = ctx;
		const store = () =>
			new CredentialStore({
				[CREDENTIAL_NAME.accessToken]: {
					server: sandbox.url,
					userId: sandbox.fixtures.admin._id,
					accessToken: 'not-a-valid-token',
				},
			});
		const run = await runChannel(
			sandbox,
			{ operation: 'getAll', returnAll: true },
			{ auth: 'accessToken', store: store() },
		);
		expect(run.nodeError?.message).toMatch(/logged in/);
		const continued = await runChannel(
			sandbox,
			{ operation: 'getAll', returnAll: true },
			{ auth: 'accessToken', store: store(), continueOnFail: true, input: [{}, {}] },
		);
		expect(continued.outputs.Squadus).toHaveLength(2);
		continued.outputs.Squadus.forEach((item, index) => {
			expect(String(item.json.error)).toMatch(/logged in/);
			expect(item.pairedItem).toEqual({ item: index });
		});
		expect(JSON.stringify(continued.json)).not.toContain('not-a-valid-token');
	});
});
