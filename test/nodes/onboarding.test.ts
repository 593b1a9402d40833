// Onboarding, end to end: Manual Trigger → Squadus User (Create) → Squadus Direct Message (Create)
// → Squadus Chat (Send Message), 25 new colleagues at once, in n8n-core's engine.
import type { IDataObject } from 'n8n-workflow';

import { chainWorkflow, runWorkflow, type NodeSpec } from '../harness';
import { nodeCredentials, credentialsFor, passwordStore, useSandbox } from './helpers';
import { expectNoSecrets } from './secrets';

const ctx = useSandbox();
const credentials = nodeCredentials('password');
const PATHS = ['/api/v1/users.create', '/api/v1/dm.create', '/api/v1/chat.postMessage'];

function onboarding(continueOnFail = false): NodeSpec[] {
	return [
		{
			name: 'Create User',
			type: 'n8n-nodes-squadus.squadusUser',
			credentials,
			continueOnFail,
			parameters: {
				authentication: 'password',
				operation: 'create',
				name: '={{ $json.name }}',
				username: '={{ $json.username }}',
				email: '={{ $json.email }}',
				password: '',
				additionalFields: { setRandomPassword: true, joinDefaultChannels: true },
			},
		},
		{
			name: 'Open DM',
			type: 'n8n-nodes-squadus.squadusDirectMessage',
			credentials,
			continueOnFail,
			parameters: {
				authentication: 'password',
				operation: 'create',
				usernames: "={{ $('Create User').item.json.username }}",
			},
		},
		{
			name: 'Welcome',
			type: 'n8n-nodes-squadus.squadusChat',
			credentials,
			continueOnFail,
			parameters: {
				authentication: 'password',
				operation: 'send',
				sendTo: 'room',
				room: { __rl: true, mode: 'id', value: '={{ $json._id }}' },
				text: "=Welcome to the team, {{ $('Create User').item.json.name }}! Ask me anything.",
			},
		},
	];
}

const colleagues = (prefix: string): IDataObject[] =>
	Array.from({ length: 25 }, (_, n) => ({
		name: `Colleague ${prefix}${n + 1}`,
		username: `${prefix}.colleague${n + 1}`,
		email: `${prefix}.colleague${n + 1}@example.ru`,
	}));

async function run(input: IDataObject[], continueOnFail = false) {
	const store = passwordStore(ctx.sandbox);
	return await runWorkflow(chainWorkflow(...onboarding(continueOnFail)), {
		credentials: store,
		input,
	});
}

describe('Onboarding workflow: create user → open DM → send welcome', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	it('onboards 25 colleagues with 75 successful requests', async () => {
		const { sandbox } = ctx;
		const input = colleagues('a');
		const result = await run(input);

		expect(result.error).toBeUndefined();
		const apiCalls = sandbox.requests().filter((request) => request.path !== '/api/v1/login');
		expect(apiCalls).toHaveLength(75);
		for (const path of PATHS) {
			const calls = sandbox.requests({ path });
			expect(calls).toHaveLength(25);
			expect(calls.every((call) => call.status === 200)).toBe(true);
		}

		const users = result.outputs['Create User'].map((item) => item.json);
		const rooms = result.outputs['Open DM'].map((item) => item.json);
		const messages = result.outputs.Welcome.map((item) => item.json);
		expect(users.map((user) => user.username)).toEqual(input.map((person) => person.username));
		expect(messages).toHaveLength(25);
		input.forEach((person, n) => {
			const user = sandbox.state.userByUsername(person.username as string)!;
			expect(user).toBeDefined();
			expect(rooms[n].usernames).toEqual(expect.arrayContaining([person.username]));
			expect(messages[n].rid).toBe(rooms[n]._id);
			expect(messages[n].msg).toBe(
				`Welcome to the team, ${person.name as string}! Ask me anything.`,
			);
			expect(sandbox.state.lastMessage(rooms[n]._id as string)?.msg).toBe(messages[n].msg);
		});
		expect(result.outputs.Welcome.map((item) => item.pairedItem)).toEqual(
			input.map((_, n) => ({ item: n })),
		);
		expectNoSecrets(result, [credentialsFor(sandbox).password as string]);
	});

	it('with Continue On Fail, a duplicate username fails one chain and the other 24 colleagues are welcomed', async () => {
		const { sandbox } = ctx;
		const input = colleagues('b');
		const duplicate = 7;
		input[duplicate] = { ...input[duplicate], username: sandbox.fixtures.user.username };

		const result = await run(input, true);

		expect(result.error).toBeUndefined();
		// the duplicate fails where it happens; the nodes after it pass the failure on without a request
		const failed = (node: string) =>
			result.outputs[node]
				.map((item, position) => ({ item, position }))
				.filter(({ item }) => typeof item.json.error === 'string');
		for (const node of ['Create User', 'Open DM', 'Welcome']) {
			expect(result.outputs[node]).toHaveLength(25);
			const errors = failed(node);
			expect(errors).toHaveLength(1);
			expect(errors[0].position).toBe(duplicate);
		}
		expect(failed('Create User')[0].item.json.error).toContain(
			`${sandbox.fixtures.user.username} is already in use`,
		);
		// what the user sees downstream: the item arrives without a username / room, and says so
		expect(failed('Open DM')[0].item.json.error).toBe('The parameter "Usernames" is empty');
		expect(failed('Welcome')[0].item.json.error).toBe('The parameter "Room" is empty');
		expect(sandbox.requests({ path: PATHS[0] }).filter((call) => call.status !== 200)).toHaveLength(
			1,
		);
		expect(sandbox.requests({ path: PATHS[1] })).toHaveLength(24);
		expect(sandbox.requests({ path: PATHS[2] })).toHaveLength(24);
		expect(sandbox.requests({ path: PATHS[2] }).every((call) => call.status === 200)).toBe(true);

		const welcomed = result.outputs.Welcome.filter((item) => typeof item.json.error !== 'string');
		expect(welcomed.map((item) => item.pairedItem)).toEqual(
			input.map((_, n) => ({ item: n })).filter((_, n) => n !== duplicate),
		);
		// the existing user with that username got no welcome meant for someone else
		expect(
			result.outputs.Welcome.some((item) =>
				String(item.json.msg ?? '').includes(input[duplicate].name as string),
			),
		).toBe(false);
		expectNoSecrets(result, [credentialsFor(sandbox).password as string]);
	});
});
