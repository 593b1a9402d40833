// The "From list" searches run with n8n-core's LoadOptionsContext and the real transport.
import { CredentialStore, runListSearch } from '../harness';
import { CREDENTIAL_NAME, nodeCredentials, credentialsFor, useSandbox } from '../nodes/helpers';

const ctx = useSandbox();

function run(auth: 'password' | 'accessToken' = 'password') {
	const { sandbox } = ctx;
	return {
		nodeType: 'squadusDirectMessage',
		parameters: { authentication: auth },
		credentials: nodeCredentials(auth),
		store: new CredentialStore({ [CREDENTIAL_NAME[auth]]: credentialsFor(sandbox, 'admin', auth) }),
	};
}

beforeEach(() => ctx.sandbox.clearRequests());

it('searchChannels filters on the server and pages with a token', async () => {
	const { sandbox } = ctx;
	const result = await runListSearch(run(), 'searchChannels', 'gen');
	expect(result.results).toEqual([{ name: '#general', value: sandbox.fixtures.channels.general._id }]);
	const [request] = sandbox.requests({ path: '/api/v1/channels.list' });
	expect(JSON.parse(request.query.query)).toEqual({ name: { $regex: 'gen', $options: 'i' } });
	expect(request.query).toMatchObject({ offset: '0', count: '50' });
});

it('searchUsers pages through all users 50 at a time', async () => {
	const { sandbox } = ctx;
	for (let n = 0; n < 60; n++) sandbox.createUser({ username: `paging.user${n}`, password: 'Paging#Passw0rd' });
	const first = await runListSearch(run('accessToken'), 'searchUsers', 'paging');
	expect(first.results).toHaveLength(50);
	expect(first.paginationToken).toBe('50');
	const second = await runListSearch(run('accessToken'), 'searchUsers', 'paging', first.paginationToken);
	expect(second.results).toHaveLength(10);
	expect(second.paginationToken).toBeUndefined();
	expect(sandbox.requests({ path: '/api/v1/users.list' }).map((r) => r.query.offset)).toEqual(['0', '50']);
});

it('searchRooms lists the rooms of the user', async () => {
	const { sandbox } = ctx;
	const result = await runListSearch(run(), 'searchRooms', 'general');
	expect(result.results).toEqual(
		expect.arrayContaining([{ name: '#general', value: sandbox.fixtures.channels.general._id }]),
	);
});
