// A throwaway node that calls the shared transport with the request given in its parameters,
// so transport behaviour is tested through n8n-core's engine exactly as nodes use it.
import { createHash } from 'node:crypto';

import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { squadusCredentials } from '../../nodes/shared/descriptions';
import {
	declareTimeoutParameter,
	squadusApiRequest,
	squadusApiRequestAllItems,
} from '../../nodes/shared/transport';
import { realtimeResumeLogin } from '../../nodes/shared/transport/resume';

export const PROBE_TYPE = 'test.squadusProbe';

export class SquadusProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus Probe',
		name: 'squadusProbe',
		group: ['output'],
		version: 1,
		description: 'Calls the shared transport',
		defaults: { name: 'Squadus Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: squadusCredentials,
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'string',
				default: 'password',
			},
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Endpoint', name: 'endpoint', type: 'string', default: '/me' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{ displayName: 'Query', name: 'qs', type: 'json', default: '' },
			{ displayName: 'Paginate', name: 'paginate', type: 'boolean', default: false },
			{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false },
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 50 },
			{ displayName: 'List Keys', name: 'listKeys', type: 'string', default: '' },
			// the endpoint is a path on the server (as downloads are), not under /api/v1
			{ displayName: 'Server Path', name: 'serverPath', type: 'boolean', default: false },
			// the Realtime API's resume login instead of the request (its token as a SHA-256 only)
			{ displayName: 'Resume Login', name: 'resume', type: 'boolean', default: false },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				options: [{ displayName: 'Timeout', name: 'timeout', type: 'number', default: 10000 }],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The probe calls the transport without the router, so it declares its Timeout itself.
		declareTimeoutParameter(this, 'options.timeout');
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			const json = (name: string) => {
				const value = this.getNodeParameter(name, i, '') as string | IDataObject;
				return typeof value === 'string'
					? value
						? (JSON.parse(value) as IDataObject)
						: undefined
					: value;
			};
			const method = this.getNodeParameter('method', i) as IHttpRequestMethods;
			const endpoint = this.getNodeParameter('endpoint', i) as string;
			try {
				if (this.getNodeParameter('resume', i) as boolean) {
					const { token, userId, me } = await realtimeResumeLogin.call(this);
					const tokenSha256 = createHash('sha256').update(token).digest('hex');
					out.push({ json: { tokenSha256, userId, username: me.username }, pairedItem: { item: i } });
				} else if (this.getNodeParameter('paginate', i) as boolean) {
					const items = await squadusApiRequestAllItems.call(this, method, endpoint, {
						qs: json('qs'),
						listKeys: (this.getNodeParameter('listKeys', i) as string).split(','),
						returnAll: this.getNodeParameter('returnAll', i) as boolean,
						limit: this.getNodeParameter('limit', i) as number,
						itemIndex: i,
					});
					out.push(...items.map((item) => ({ json: item, pairedItem: { item: i } })));
				} else {
					const response = (await squadusApiRequest.call(this, method, endpoint, {
						body: json('body'),
						qs: json('qs'),
						serverPath: this.getNodeParameter('serverPath', i) as boolean,
						itemIndex: i,
					})) as IDataObject;
					out.push({ json: response, pairedItem: { item: i } });
				}
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [out];
	}
}
