// Return All over a channel with 5,000 / 20,000 / 50,000 messages: requests, time and memory.
import { chainWorkflow, CredentialStore, runWorkflow } from '../test/harness';
import type { RemoteSandbox } from './sandbox-client';
import { login } from './throughput';
import { mb, timed, withMemoryPeak, type Row } from './util';

const PATH = '/api/v1/channels.messages';

/** Messages in a channel, as the API counts them (`total` of channels.messages). */
async function messageCount(
	sandbox: RemoteSandbox,
	headers: Record<string, string>,
	roomId: string,
) {
	const response = await fetch(`${sandbox.url}${PATH}?roomId=${roomId}&count=1`, { headers });
	return ((await response.json()) as { total: number }).total;
}

export async function returnAllRows(sandbox: RemoteSandbox, sizes: number[]): Promise<Row[]> {
	const { username, password } = sandbox.fixtures.admin;
	const store = new CredentialStore({
		'Squadus account': {
			server: sandbox.url,
			user: username,
			password,
			secondFactor: 'none',
			authToken: '',
		},
	});
	const session = await login(sandbox);
	const headers = {
		'content-type': 'application/json',
		'x-auth-token': session.authToken,
		'x-user-id': session.userId,
	};
	/** A new channel holding exactly `size` messages (channels.create may add a system message). */
	const channelWith = async (name: string, size: number) => {
		const created = await fetch(`${sandbox.url}/api/v1/channels.create`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ name: `${name}-${Date.now()}` }),
		});
		const roomId = ((await created.json()) as { channel: { _id: string } }).channel._id;
		const present = await messageCount(sandbox, headers, roomId);
		if (present > size) throw new Error(`a new channel already holds ${present} messages`);
		await sandbox.call('addMessages', roomId, size - present);
		return { roomId, present: size };
	};
	const workflowFor = (roomId: string) =>
		chainWorkflow({
			name: 'Get',
			type: 'n8n-nodes-squadus.squadusChannel',
			parameters: {
				authentication: 'password',
				operation: 'getMessages',
				channel: { __rl: true, mode: 'id', value: roomId },
				returnAll: true,
			},
			credentials: { squadusApi: { id: 'bench', name: 'Squadus account' } },
		});
	const run = async (roomId: string, size: number) => {
		const { ms, result } = await timed(() =>
			withMemoryPeak(() => runWorkflow(workflowFor(roomId), { credentials: store, input: [{}] })),
		);
		if (result.result.error) throw result.result.error;
		const got = result.result.outputs.Get.length;
		if (got !== size) throw new Error(`Return All gave ${got} of ${size} messages`);
		return { ms, memory: result };
	};

	// warm-up on a channel of its own: JIT, the sandbox's paths and n8n-core's first run
	const warm = await channelWith('bench-warm', 5000);
	for (let i = 0; i < 2; i++) await run(warm.roomId, 5000);

	const channel = await channelWith('bench', 0);
	const rows: Row[] = [];
	let present = 0;
	for (const size of sizes) {
		// top the channel up to exactly `size` messages
		await sandbox.call('addMessages', channel.roomId, size - present);
		present = size;
		if ((await messageCount(sandbox, headers, channel.roomId)) !== size)
			throw new Error(`the channel does not hold ${size} messages`);
		await sandbox.call('configure', { logRequests: true });
		await sandbox.call('clearRequests');
		const { ms, memory } = await run(channel.roomId, size);
		const requests = (await sandbox.requests({ path: PATH })).length;
		await sandbox.call('configure', { logRequests: false });
		rows.push({
			section: 'Return All',
			case: `${size.toLocaleString('en')} messages`,
			value: `${ms.toFixed(0)} ms`,
			note: `${size.toLocaleString('en')} items, ${requests} requests to channels.messages, ${((ms * 1000) / size).toFixed(0)} µs/item (after a warm-up); peak heap +${mb(memory.peak.heapUsed - memory.base.heapUsed)}, peak RSS ${mb(memory.peak.rss)}`,
		});
	}
	return rows;
}
