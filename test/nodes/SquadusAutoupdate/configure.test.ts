import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { credentialsFor, runNode, useSandbox } from '../helpers';
import { expectNoSecrets } from '../secrets';

const ctx = useSandbox();
const AUTOUPDATES = '/api/v1/autoupdates';

const settings = { channel: 'stable', checkIntervalHours: 6, minVersion: '1.7.0' };
const settingsFile = Buffer.from(JSON.stringify(settings, null, 2));

function withBinary(
	field: string,
	data = settingsFile,
	json: IDataObject = {},
): INodeExecutionData {
	return {
		json,
		binary: {
			[field]: {
				data: data.toString('base64'),
				mimeType: 'application/json',
				fileName: 'autoupdate.json',
				fileExtension: 'json',
			},
		},
	};
}

describe('Squadus Autoupdate → Configure', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	it('uploads the settings file from the default binary field as multipart "file"', async () => {
		const { sandbox } = ctx;
		const run = await runNode(
			sandbox,
			'squadusAutoupdate',
			{ operation: 'configure', binaryPropertyName: 'data' },
			{ input: [withBinary('data')] },
		);
		expect(run.nodeError).toBeUndefined();
		const requests = sandbox.requests({ path: AUTOUPDATES });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(requests[0].body.files).toEqual([
			{
				field: 'file',
				filename: 'autoupdate.json',
				mimeType: 'application/json',
				size: settingsFile.length,
			},
		]);
		expect(sandbox.state.autoupdate.current?.data.equals(settingsFile)).toBe(true);
		expect(sandbox.state.autoupdate.current?.settings).toEqual(settings);
		expect(run.json).toEqual([
			{
				success: true,
				fileName: 'autoupdate.json',
				mimeType: 'application/json',
				fileSize: settingsFile.length,
			},
		]);
		expectNoSecrets(run, [credentialsFor(sandbox).password as string]);
	});

	it('reads another binary field when asked', async () => {
		const { sandbox } = ctx;
		const other = Buffer.from(JSON.stringify({ channel: 'beta' }));
		const run = await runNode(
			sandbox,
			'squadusAutoupdate',
			{ operation: 'configure', binaryPropertyName: 'settings' },
			{ input: [{ ...withBinary('settings', other) }] },
		);
		expect(run.nodeError).toBeUndefined();
		expect(sandbox.requests({ path: AUTOUPDATES })[0].body.files[0].size).toBe(other.length);
		expect(sandbox.state.autoupdate.current?.settings).toEqual({ channel: 'beta' });
	});

	it.each([
		['an item without binary data', { json: {} }, 'no binary data'],
		['an item whose binary field has another name', withBinary('file'), 'binary fields are: file'],
	])('names "Input Binary Field" for %s and sends no request', async (_case, item, hint) => {
		const { sandbox } = ctx;
		const params = { operation: 'configure', binaryPropertyName: 'data' };
		const run = await runNode(sandbox, 'squadusAutoupdate', params, { input: [item] });
		expect(run.nodeError?.name).toBe('NodeOperationError');
		expect(run.nodeError?.message).toContain('"Input Binary Field"');
		expect(run.nodeError?.description).toContain(hint);

		const tolerant = await runNode(sandbox, 'squadusAutoupdate', params, {
			input: [item, withBinary('data')],
			continueOnFail: true,
		});
		const items = tolerant.outputs.Squadus;
		expect(items.map((entry) => entry.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json.error).toContain('"Input Binary Field"');
		expect(items[1].json.success).toBe(true);
		expect(sandbox.requests({ path: AUTOUPDATES })).toHaveLength(1);
	});

	it('shows the 403 answer when a non-admin configures autoupdates', async () => {
		const { sandbox } = ctx;
		const before = sandbox.state.autoupdate.current;
		const run = await runNode(
			sandbox,
			'squadusAutoupdate',
			{ operation: 'configure', binaryPropertyName: 'data' },
			{ input: [withBinary('data', Buffer.from('{"channel":"evil"}'))], as: 'user' },
		);
		expect(run.nodeError?.message).toContain('permissions required');
		expect(sandbox.state.autoupdate.current).toBe(before);
		expectNoSecrets(run, [credentialsFor(sandbox, 'user').password as string]);
	});
});
