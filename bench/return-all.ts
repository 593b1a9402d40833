// Return All over a channel with 5,000 / 20,000 / 50,000 messages: requests, time and memory.
import { chainWorkflow, CredentialStore, runWorkflow } from '../test/harness';
import type { RemoteSandbox } from './sandbox-client';
import { login } from './throughput';
import { mb, timed, withMemoryPeak, type Row } from './util';

const PATH = '/api/v1/channels.messages';

export async function returnAllRows(sandbox: RemoteSandbox, sizes: number[]): Promise<Row[]> {
	const { username, password } = sandbox.fixtures.admin;
	const store = new CredentialStore({
		'Squadus account': { server: sandbox.url, user: username, password, secondFactor: 'none', authToken: '' },
	});
	// a new, empty channel, so it holds exactly `size` messages
	const session = await login(sandbox);
	const created = await fetch(`${sandbox.url}/api/v1/channels.create`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-auth-token': session.authToken, 'x-user-id': session.userId },
		body: JSON.stringify({ name: `bench-${Date.now()}` }),
	});
	const roomId = ((await created.json()) as { channel: { _id: string } }).channel._id;
	const workflow = chainWorkflow({
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
	const rows: Row[] = [];
	let present = 0;
	for (const size of sizes) {
		// top the channel up to `size` messages (plus the few the seed put there)
		await sandbox.call('addMessages', roomId, size - present);
		present = size;
		await sandbox.call('configure', { logRequests: true });
		await sandbox.call('clearRequests');
		const { ms, result } = await timed(() =>
			withMemoryPeak(() => runWorkflow(workflow, { credentials: store, input: [{}] })),
		);
		const run = result.result;
		if (run.error) throw run.error;
		if (run.outputs.Get.length !== size) throw new Error(`Return All gave ${run.outputs.Get.length} of ${size} messages`);
		const requests = (await sandbox.requests({ path: PATH })).length;
		await sandbox.call('configure', { logRequests: false });
		rows.push({
			section: 'Return All',
			case: `${size.toLocaleString('en')} messages`,
			value: `${ms.toFixed(0)} ms`,
			note: `${run.outputs.Get.length.toLocaleString('en')} items, ${requests} requests to channels.messages, ${(
				(ms * 1000) /
				run.outputs.Get.length
			).toFixed(0)} µs/item; peak heap +${mb(result.peak.heapUsed - result.base.heapUsed)}, peak RSS ${mb(result.peak.rss)}`,
		});
	}
	return rows;
}
