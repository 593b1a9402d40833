// The stand-in OpenAI-compatible model: tool calls then text, as JSON and as server-sent events.
/* eslint-disable @typescript-eslint/no-require-imports */
const { startModelServer } = require('./model-server') as {
	startModelServer(options: { script: unknown[] }): Promise<{
		url: string;
		close(): Promise<void>;
		decisions: unknown[];
	}>;
};

interface Context {
	results: Array<{ tool: string; content: unknown }>;
}

const script = [
	{
		match: /weather/i,
		steps: [
			() => ({ toolCalls: [{ tool: 'Get_weather', args: { city: 'Moscow', days: 2 } }] }),
			(context: Context) => ({
				text: `It is ${(context.results[0].content as Array<{ temp: number }>)[0].temp} degrees.`,
			}),
		],
	},
	{ match: /missing/i, steps: [() => ({ toolCalls: [{ tool: 'Nope', args: {} }] })] },
];

const tools = [{ type: 'function', function: { name: 'Get_weather', parameters: {} } }];

describe('stand-in model (test/ai/model-server.js)', () => {
	let model: Awaited<ReturnType<typeof startModelServer>>;
	beforeAll(async () => {
		model = await startModelServer({ script });
	});
	afterAll(() => model.close());

	const post = (body: object) =>
		fetch(`${model.url}/chat/completions`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ model: 'x', tools, ...body }),
		});

	const firstTurn = [{ role: 'user', content: 'What is the weather?' }];
	const secondTurn = (callId: string) => [
		...firstTurn,
		{
			role: 'assistant',
			content: null,
			tool_calls: [
				{ id: callId, type: 'function', function: { name: 'Get_weather', arguments: '{}' } },
			],
		},
		{ role: 'tool', tool_call_id: callId, content: '[{"temp":-3}]' },
	];

	it('lists its model', async () => {
		const body = await (await fetch(`${model.url}/models`)).json();
		expect(body.data[0].id).toBe('squadus-stand-in');
	});

	it('answers a prompt with the scripted tool call, then with text built from the tool result', async () => {
		const first = await (await post({ messages: firstTurn })).json();
		expect(first.choices[0].finish_reason).toBe('tool_calls');
		const [call] = first.choices[0].message.tool_calls;
		expect(call.function).toEqual({
			name: 'Get_weather',
			arguments: JSON.stringify({ city: 'Moscow', days: 2 }),
		});
		const second = await (await post({ messages: secondTurn(call.id) })).json();
		expect(second.choices[0]).toMatchObject({
			finish_reason: 'stop',
			message: { role: 'assistant', content: 'It is -3 degrees.' },
		});
	});

	it('streams the same answers as chunks (tool-call arguments in pieces), then [DONE]', async () => {
		const events = async (messages: object[]) => {
			const text = await (
				await post({ messages, stream: true, stream_options: { include_usage: true } })
			).text();
			const data = text
				.split('\n\n')
				.filter(Boolean)
				.map((event) => event.replace(/^data: /, ''));
			expect(data.at(-1)).toBe('[DONE]');
			return data.slice(0, -1).map((chunk) => JSON.parse(chunk));
		};
		const chunks = await events(firstTurn);
		const argumentPieces = chunks.flatMap((c) =>
			(c.choices[0]?.delta?.tool_calls ?? []).map(
				(t: { function: { arguments?: string } }) => t.function.arguments ?? '',
			),
		);
		expect(argumentPieces.filter(Boolean).length).toBeGreaterThan(1);
		expect(JSON.parse(argumentPieces.join(''))).toEqual({ city: 'Moscow', days: 2 });
		expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe(
			'tool_calls',
		);
		expect(chunks.at(-1).usage.total_tokens).toBeGreaterThan(0);

		const text = (await events(secondTurn('call_1')))
			.map((c) => c.choices[0]?.delta?.content ?? '')
			.join('');
		expect(text).toBe('It is -3 degrees.');
	});

	it('says so in text when no script matches or a scripted tool is not offered', async () => {
		const unknown = await (await post({ messages: [{ role: 'user', content: 'Hello' }] })).json();
		expect(unknown.choices[0].message.content).toMatch(/only know these requests/);
		const missing = await (
			await post({ messages: [{ role: 'user', content: 'missing tool' }] })
		).json();
		expect(missing.choices[0].message.content).toBe(
			'The script calls Nope, but the agent offers only: Get_weather.',
		);
	});
});
