import { credentialsFor, runNode, useSandbox } from '../helpers';
import { expectNoSecrets } from '../secrets';

const ctx = useSandbox();
const LIST = '/api/v1/changelog.list';

describe('Squadus Changelog → Get Many', () => {
	beforeAll(() => {
		const { state } = ctx.sandbox;
		for (let n = 0; n < 130; n++)
			state.logChange(n % 2 ? 'admin' : 'maria.ivanova', `Setting_${n}`, n);
	});
	beforeEach(() => ctx.sandbox.clearRequests());

	it('returns up to Limit entries, asking the server for no more', async () => {
		const { sandbox } = ctx;
		const run = await runNode(sandbox, 'squadusChangelog', { operation: 'getAll', limit: 5 });
		expect(run.nodeError).toBeUndefined();
		const requests = sandbox.requests({ path: LIST });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].query).toEqual({ offset: '0', count: '5' });
		expect(run.json).toHaveLength(5);
		expect(Object.keys(run.json[0]).sort()).toEqual([
			'_id',
			'date',
			'setting',
			'username',
			'value',
		]);
		expectNoSecrets(run, [credentialsFor(sandbox).password as string]);
	});

	it('returns everything with Return All, 100 a page, sorted and filtered on the server', async () => {
		const { sandbox } = ctx;
		const total = sandbox.state.changelog.filter((entry) => entry.username === 'admin').length;
		const run = await runNode(sandbox, 'squadusChangelog', {
			operation: 'getAll',
			returnAll: true,
			filters: { query: '{ "username": "admin" }' },
			options: { sort: { value: { field: 'setting', direction: 1 } } },
		});
		expect(run.nodeError).toBeUndefined();
		expect(total).toBeGreaterThan(0);
		const requests = sandbox.requests({ path: LIST });
		expect(requests.length).toBe(Math.ceil(total / 100));
		expect(requests[0].query).toEqual({
			offset: '0',
			count: '100',
			query: '{"username":"admin"}',
			sort: '{"setting":1}',
		});
		expect(run.json).toHaveLength(total);
		expect(run.json.every((entry) => entry.username === 'admin')).toBe(true);
		const settings = run.json.map((entry) => entry.setting as string);
		expect(settings).toEqual([...settings].sort());
	});

	it('walks past one page with Return All', async () => {
		const { sandbox } = ctx;
		const run = await runNode(sandbox, 'squadusChangelog', {
			operation: 'getAll',
			returnAll: true,
		});
		expect(run.json).toHaveLength(sandbox.state.changelog.length);
		expect(sandbox.requests({ path: LIST }).map((request) => request.query.offset)).toEqual([
			'0',
			'100',
		]);
	});

	it.each([
		['not JSON', '{ username: admin'],
		['not an object', '["admin"]'],
	])('rejects a query that is %s before any request', async (_case, query) => {
		const { sandbox } = ctx;
		const params = { operation: 'getAll', limit: 5, filters: { query } };
		const run = await runNode(sandbox, 'squadusChangelog', params);
		expect(run.nodeError?.name).toBe('NodeOperationError');
		expect(run.nodeError?.message).toContain('"Query (JSON)"');
		const tolerant = await runNode(sandbox, 'squadusChangelog', params, { continueOnFail: true });
		expect(tolerant.outputs.Squadus).toHaveLength(1);
		expect(tolerant.outputs.Squadus[0].pairedItem).toEqual({ item: 0 });
		expect(tolerant.json[0].error).toContain('"Query (JSON)"');
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('shows the 403 answer to a non-admin, with and without Continue On Fail', async () => {
		const { sandbox } = ctx;
		const params = { operation: 'getAll', limit: 5 };
		const run = await runNode(sandbox, 'squadusChangelog', params, { as: 'user' });
		expect(run.nodeError?.message).toContain('permissions required');
		const tolerant = await runNode(sandbox, 'squadusChangelog', params, {
			as: 'user',
			continueOnFail: true,
		});
		expect(tolerant.outputs.Squadus).toHaveLength(1);
		expect(tolerant.json[0].error).toContain('permissions required');
		expectNoSecrets(tolerant, [credentialsFor(sandbox, 'user').password as string]);
	});
});
