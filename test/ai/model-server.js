/**
 * A stand-in for an OpenAI-compatible chat model, for n8n's AI Agent without any network: it
 * serves POST /v1/chat/completions (plain JSON or `stream: true` server-sent events, tool-call
 * deltas included) and GET /v1/models.
 *
 * It answers from a script. Each conversation in the script has a `match` (a RegExp tested on the
 * first user message) and `steps`. The model is stateless, as the API is: the step to play is the
 * number of assistant turns already in the request's messages. A step is a function of the context
 * (the prompt, the tool results so far, the time) that returns either
 *   { toolCalls: [{ tool: 'Tool_name', args: {...} }, ...] }   (the agent runs them and calls back)
 * or { text: '...' }                                           (the final answer).
 * A tool named in a step must be among the request's `tools`; otherwise, and for prompts that no
 * conversation matches, the model answers with a text saying so (it never fails silently).
 *
 * Plain Node (no TypeScript), so that `npm run e2e` and `npm start` can load it.
 */
'use strict';

const http = require('http');

const MODEL = 'squadus-stand-in';

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** A message's text, whether `content` is a string or a list of parts. */
function textOf(message) {
	const { content } = message ?? {};
	if (typeof content === 'string') return content;
	if (Array.isArray(content))
		return content.map((part) => (typeof part === 'string' ? part : (part.text ?? ''))).join('');
	return '';
}

/** A tool result as the agent passed it: JSON when it parses, the text otherwise. */
function parseToolResult(text) {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** What a step sees: the user's prompt, the tool calls and results so far, in order. */
function contextOf(messages) {
	let userIndex = -1;
	for (let i = messages.length - 1; i >= 0; i--) {
		if (messages[i].role === 'user' || messages[i].role === 'human') {
			userIndex = i;
			break;
		}
	}
	const prompt = userIndex >= 0 ? textOf(messages[userIndex]) : '';
	const after = messages.slice(userIndex + 1);
	const calls = new Map();
	const results = [];
	let turns = 0;
	for (const message of after) {
		if (message.role === 'assistant') {
			turns++;
			for (const call of message.tool_calls ?? []) calls.set(call.id, call);
		}
		if (message.role === 'tool') {
			const call = calls.get(message.tool_call_id);
			let args = {};
			try {
				args = JSON.parse(call?.function?.arguments ?? '{}');
			} catch {
				// the agent echoes what the model sent; keep {} if it is not JSON
			}
			results.push({
				tool: call?.function?.name,
				args,
				content: parseToolResult(textOf(message)),
				text: textOf(message),
			});
		}
	}
	return { prompt, turns, results, now: new Date() };
}

/**
 * The assistant's reply to a request: { text } or { toolCalls } (see the header). `log` records
 * each decision for the test's failure messages.
 */
function reply(script, body, log) {
	const messages = Array.isArray(body.messages) ? body.messages : [];
	const tools = (body.tools ?? []).map((tool) => tool.function?.name ?? tool.name).filter(Boolean);
	const context = contextOf(messages);
	const conversation = script.find((c) => c.match.test(context.prompt));
	if (!conversation) {
		const known = script.map((c) => `"${c.example ?? c.match.source}"`).join(', ');
		return {
			text: `I am a scripted stand-in model and only know these requests: ${known}. Connect a real model to ask anything else.`,
		};
	}
	const step = conversation.steps[context.turns];
	if (!step) return { text: 'Done.' };
	let answer;
	try {
		answer = step({ ...context, tools });
	} catch (error) {
		return {
			text: `The stand-in model's script failed at step ${context.turns + 1}: ${error.message}`,
		};
	}
	if (answer.toolCalls) {
		const missing = answer.toolCalls.map((c) => c.tool).filter((name) => !tools.includes(name));
		if (missing.length) {
			return {
				text: `The script calls ${missing.join(', ')}, but the agent offers only: ${tools.join(', ') || 'no tools'}.`,
			};
		}
	}
	log.push({ prompt: context.prompt, step: context.turns, tools, answer });
	return answer;
}

let callCounter = 0;
const nextCallId = () => `call_${(++callCounter).toString(36).padStart(6, '0')}`;

function completion(answer) {
	const id = `chatcmpl-${Date.now().toString(36)}${(callCounter++).toString(36)}`;
	const created = Math.floor(Date.now() / 1000);
	const toolCalls = (answer.toolCalls ?? []).map((call) => ({
		id: nextCallId(),
		type: 'function',
		function: { name: call.tool, arguments: JSON.stringify(call.args ?? {}) },
	}));
	const message = toolCalls.length
		? { role: 'assistant', content: null, tool_calls: toolCalls }
		: { role: 'assistant', content: answer.text ?? '' };
	const completionTokens = Math.ceil(JSON.stringify(message).length / 4);
	return {
		id,
		created,
		message,
		finishReason: toolCalls.length ? 'tool_calls' : 'stop',
		usage: {
			prompt_tokens: 100,
			completion_tokens: completionTokens,
			total_tokens: 100 + completionTokens,
		},
	};
}

function sendJson(res, status, body) {
	res.writeHead(status, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(body));
}

/** Server-sent events as OpenAI streams them: role, then content or tool-call deltas, then [DONE]. */
function stream(res, result, body) {
	res.writeHead(200, {
		'Content-Type': 'text/event-stream',
		'Cache-Control': 'no-cache',
		Connection: 'keep-alive',
	});
	const frame = (fields) =>
		res.write(
			`data: ${JSON.stringify({
				id: result.id,
				object: 'chat.completion.chunk',
				created: result.created,
				model: body.model ?? MODEL,
				...fields,
			})}\n\n`,
		);
	const chunk = (delta, finishReason = null) =>
		frame({ choices: [{ index: 0, delta, finish_reason: finishReason }] });
	chunk({ role: 'assistant', content: '' });
	const { message } = result;
	if (message.tool_calls) {
		message.tool_calls.forEach((call, index) => {
			chunk({
				tool_calls: [
					{
						index,
						id: call.id,
						type: 'function',
						function: { name: call.function.name, arguments: '' },
					},
				],
			});
			// the arguments arrive in pieces, as a real model streams them
			const args = call.function.arguments;
			for (let at = 0; at < args.length; at += 16) {
				chunk({ tool_calls: [{ index, function: { arguments: args.slice(at, at + 16) } }] });
			}
		});
	} else {
		const words = message.content.split(/(?<= )/);
		for (const word of words) chunk({ content: word });
	}
	chunk({}, result.finishReason);
	if (body.stream_options?.include_usage) frame({ choices: [], usage: result.usage });
	res.end('data: [DONE]\n\n');
}

/**
 * Starts the stand-in model on 127.0.0.1 (`port` 0 picks a free one). Resolves with its base URL
 * (what n8n's OpenAI credential takes, ending in /v1), the requests it received, its decisions,
 * and close().
 */
function startModelServer({ script, port = 0, host = '127.0.0.1' }) {
	const requests = [];
	const decisions = [];
	const server = http.createServer(async (req, res) => {
		try {
			const url = new URL(req.url, 'http://localhost');
			const path = url.pathname.replace(/\/+$/, '');
			if (req.method === 'GET' && path.endsWith('/models')) {
				return sendJson(res, 200, {
					object: 'list',
					data: [{ id: MODEL, object: 'model', created: 1767225600, owned_by: 'squadus-tests' }],
				});
			}
			if (req.method === 'POST' && path.endsWith('/chat/completions')) {
				const body = JSON.parse((await readBody(req)) || '{}');
				requests.push({ path, body, headers: req.headers });
				const result = completion(reply(script, body, decisions));
				if (body.stream) return stream(res, result, body);
				return sendJson(res, 200, {
					id: result.id,
					object: 'chat.completion',
					created: result.created,
					model: body.model ?? MODEL,
					choices: [
						{
							index: 0,
							message: result.message,
							finish_reason: result.finishReason,
							logprobs: null,
						},
					],
					usage: result.usage,
				});
			}
			sendJson(res, 404, {
				error: {
					message: `The stand-in model serves /v1/chat/completions and /v1/models, not ${req.method} ${path}`,
					type: 'invalid_request_error',
				},
			});
		} catch (error) {
			sendJson(res, 400, { error: { message: error.message, type: 'invalid_request_error' } });
		}
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const address = server.address();
			resolve({
				url: `http://${host}:${address.port}/v1`,
				model: MODEL,
				requests,
				decisions,
				close: () => new Promise((done) => server.close(() => done())),
			});
		});
	});
}

/** The n8n credential (OpenAI API type) that points at a started stand-in model. */
function standInCredential(model) {
	return {
		id: 'sqdStandInModel1',
		name: 'Stand-in model (OpenAI-compatible)',
		type: 'openAiApi',
		data: { apiKey: 'sk-stand-in-no-real-key', url: model.url },
	};
}

module.exports = { startModelServer, standInCredential, MODEL, contextOf };
