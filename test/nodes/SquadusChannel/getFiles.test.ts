import { useSandbox } from '../helpers';
import { expectNoSecrets } from '../secrets';
import { byId, byName, expectFailure, freshChannel, runChannel } from './setup';

describe('Squadus Channel → Get Files', () => {
	const ctx = useSandbox();
	const path = '/api/v1/channels.files';
	beforeEach(() => ctx.sandbox.clearRequests());

	const pdf = Buffer.from('%PDF-1.4\n% quarterly report\n\x00\x01\x02\xff', 'binary');
	const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

	const channelWithFiles = () => {
		const channel = freshChannel(ctx.sandbox);
		const report = ctx.sandbox.addFile(channel._id, {
			name: 'Отчёт Q3.pdf',
			type: 'application/pdf',
			data: pdf,
		});
		const logo = ctx.sandbox.addFile(channel._id, {
			name: 'logo.png',
			type: 'image/png',
			data: png,
		});
		return { channel, report, logo };
	};

	it('lists the files of a channel without downloading them', async () => {
		const { sandbox } = ctx;
		const { channel, report, logo } = channelWithFiles();
		const result = await runChannel(sandbox, {
			operation: 'getFiles',
			channel: byId(channel._id),
			returnAll: true,
		});

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].query).toEqual({ roomId: channel._id, offset: '0', count: '100' });
		expect(result.json.map((file) => file._id).sort()).toEqual([report._id, logo._id].sort());
		expect(result.outputs.Squadus.every((item) => item.binary === undefined)).toBe(true);
		expect(sandbox.requests().filter((r) => r.path.startsWith('/file-upload/'))).toEqual([]);
	});

	it('downloads each file as binary data with its name, MIME type and bytes', async () => {
		const { sandbox } = ctx;
		const { channel, report, logo } = channelWithFiles();
		const result = await runChannel(sandbox, {
			operation: 'getFiles',
			channel: byName(channel.name),
			returnAll: true,
			download: true,
			binaryPropertyName: 'attachment',
			filters: { sortBy: 'name', sortDirection: 'asc' },
		});

		expect(result.nodeError).toBeUndefined();
		const items = result.outputs.Squadus;
		expect(items.map((item) => item.json._id)).toEqual([logo._id, report._id]);
		const expected = [
			{ name: 'logo.png', type: 'image/png', data: png },
			{ name: 'Отчёт Q3.pdf', type: 'application/pdf', data: pdf },
		];
		items.forEach((item, index) => {
			const binary = item.binary?.attachment;
			expect(binary).toBeDefined();
			expect(binary?.fileName).toBe(expected[index].name);
			expect(binary?.mimeType).toBe(expected[index].type);
			expect(Buffer.from(binary!.data, 'base64').equals(expected[index].data)).toBe(true);
			expect(item.pairedItem).toEqual({ item: 0 });
		});
		expectNoSecrets(result, sandbox.secrets());
		const downloads = sandbox.requests().filter((r) => r.path.startsWith('/file-upload/'));
		expect(downloads.map((r) => [r.method, r.path])).toEqual([
			['GET', logo.url],
			['GET', report.url],
		]);
	});

	it('filters by name, type and query, and sorts on the server', async () => {
		const { sandbox } = ctx;
		const { channel, logo } = channelWithFiles();
		const result = await runChannel(sandbox, {
			operation: 'getFiles',
			channel: byId(channel._id),
			returnAll: true,
			filters: {
				name: 'LOGO',
				typeGroup: 'image',
				query: { size: { $lt: 100 } },
				sortBy: 'size',
				sortDirection: 'desc',
			},
		});

		const [request] = sandbox.requests({ path });
		expect(JSON.parse(request.query.query)).toEqual({
			size: { $lt: 100 },
			name: { $regex: 'LOGO', $options: 'i' },
			typeGroup: 'image',
		});
		expect(JSON.parse(request.query.sort)).toEqual({ size: -1 });
		expect(result.json.map((file) => file._id)).toEqual([logo._id]);
	});

	it('rejects an invalid query JSON before any request', async () => {
		const { sandbox } = ctx;
		const { channel } = channelWithFiles();
		await expectFailure(
			sandbox,
			{
				operation: 'getFiles',
				channel: byId(channel._id),
				returnAll: true,
				filters: { query: '{"size":' },
			},
			'The parameter "Query (JSON)" is not valid JSON',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces the server message for an unknown channel', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'getFiles', channel: byId('unknown-room'), returnAll: true, download: true },
			'does not match any channel [error-room-not-found]',
		);
	});
});
