// Where the time of one item goes: the router, parameter validation, credential lookups,
// n8n's HTTP client and its authentication step, measured separately inside the engine.
import type { IDataObject, IExecuteFunctions, INodeType } from 'n8n-workflow';

import { description as sendDescription } from '../nodes/SquadusChat/actions/send.operation';
import { router } from '../nodes/shared/router';
import type { OperationModule } from '../nodes/shared/types';
import { chainWorkflow, CredentialStore, loadPackageNodeTypes, runWorkflow } from '../test/harness';
import type { RemoteSandbox } from './sandbox-client';
import { login } from './throughput';
import { median, timed, type Row } from './util';

type Execute = OperationModule['execute'];

function profiledNode(module: OperationModule) {
	// the Chat node's class (its parameters), with a stand-in operation
	const SquadusChat = loadPackageNodeTypes()['n8n-nodes-squadus.squadusChat']
		.constructor as new () => INodeType;
	return class extends SquadusChat {
		async execute(this: IExecuteFunctions) {
			return await router.call(this, { send: module });
		}
	};
}

export async function profileRows(
	sandbox: RemoteSandbox,
	count: number,
	repeats: number,
): Promise<Row[]> {
	const session = await login(sandbox);
	const url = `${sandbox.url}/api/v1/chat.postMessage`;
	const body = (i: number) => ({ channel: '#general', text: `Message ${i}` });
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

	const noop: Execute = async () => ({ ok: true });
	const variants: Array<{ name: string; module: OperationModule }> = [
		{ name: 'engine + router, empty operation', module: { description: [], execute: noop } },
		{
			name: 'engine + router + required-parameter check (Send Message)',
			module: { description: sendDescription, execute: noop },
		},
		{
			name: '… + getCredentials per item',
			module: {
				description: [],
				execute: async function (this, i) {
					await this.getCredentials('squadusApi', i);
					return { ok: true };
				},
			},
		},
		{
			name: '… + helpers.httpRequest per item (headers by hand)',
			module: {
				description: [],
				execute: async function (this, i) {
					return (await this.helpers.httpRequest({
						method: 'POST',
						url,
						body: body(i),
						json: true,
						headers: { 'X-Auth-Token': session.authToken, 'X-User-Id': session.userId },
					})) as IDataObject;
				},
			},
		},
		{
			name: '… + helpers.httpRequestWithAuthentication per item',
			module: {
				description: [],
				execute: async function (this, i) {
					return (await this.helpers.httpRequestWithAuthentication.call(this, 'squadusApi', {
						method: 'POST',
						url,
						body: body(i),
						json: true,
					})) as IDataObject;
				},
			},
		},
	];

	const rows: Row[] = [];
	for (const { name, module } of variants) {
		const workflow = chainWorkflow({
			name: 'Send',
			type: 'bench.profiled',
			parameters: {
				authentication: 'password',
				operation: 'send',
				sendTo: 'channel',
				channel: { __rl: true, mode: 'name', value: 'general' },
				text: "={{ 'Message ' + $json.i }}",
			},
			credentials: { squadusApi: { id: 'bench', name: 'Squadus account' } },
		});
		const nodeTypes = { 'bench.profiled': new (profiledNode(module))() };
		const input = Array.from({ length: count }, (_, i) => ({ i }));
		const run = async (items: typeof input) => {
			const result = await runWorkflow(workflow, { credentials: store, input: items, nodeTypes });
			if (result.error) throw result.error;
		};
		await run(input.slice(0, 200));
		const samples: number[] = [];
		for (let r = 0; r < repeats; r++) samples.push((await timed(() => run(input))).ms);
		const ms = median(samples);
		rows.push({
			section: 'Profile',
			case: name,
			value: `${((ms * 1000) / count).toFixed(0)} µs/item`,
		});
	}
	return rows;
}
