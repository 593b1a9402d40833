/**
 * The AI Agent check of `npm run e2e`: examples/assistant.json (AI Agent + OpenAI Chat Model +
 * six Squadus tools) runs in the real n8n against the scripted stand-in model (test/ai/), and the
 * Squadus sandbox must have received exactly the requests the model's tool calls imply.
 */
'use strict';

const { booking, SUMMARY_PROMPT, BOOKING_PROMPT } = require('../ai/assistant-script');

const ASSISTANT_ID = 'sqdExAssistant01';
/** Logging in and checking the session are the credential's business, not the tools'. */
const AUTH_PATHS = new Set(['/api/v1/login', '/api/v1/me', '/api/v1/logout']);

function assert(condition, message) {
	if (!condition) throw new Error(message);
}

/** One line per request, the parts the tool calls decide; sorted, since the two prompts may interleave. */
function signature(request) {
	const { method, path, query, body } = request;
	const shown = method === 'GET' ? query : body;
	return `${method} ${path} ${JSON.stringify(shown, Object.keys(shown ?? {}).sort())}`;
}

function summaryRequests(sandbox, model) {
	const { dev, general } = sandbox.fixtures.channels;
	const read = model.decisions.find((d) => d.prompt === SUMMARY_PROMPT && d.step === 1);
	const send = model.decisions.find((d) => d.prompt === SUMMARY_PROMPT && d.step === 2);
	assert(
		read && send,
		`the model never reached the summary's tool calls: ${JSON.stringify(model.decisions)}`,
	);
	const limit = read.answer.toolCalls[0].args.limit;
	const devMessages = [...(sandbox.state.roomMessages.get(dev._id) ?? [])];
	const newest = devMessages.sort((a, b) => b.ts - a.ts).slice(0, limit);
	const text = send.answer.toolCalls[0].args.text;
	// the summary the model posted was written from what the node returned: #dev's newest messages
	assert(
		text.startsWith(`*Summary of #dev* (${newest.length} recent messages)`) &&
			text.includes(`${newest[0].u.username}: ${newest[0].msg || '(a file)'}`),
		`the posted summary is not built from #dev's newest ${limit} messages:\n${text}`,
	);
	return {
		text,
		general,
		expected: [
			{
				method: 'GET',
				path: '/api/v1/channels.list',
				check: (r) => JSON.parse(r.query.query ?? '{}').name?.$regex === 'dev',
				what: 'channels.list with the name filter "dev" (the # stripped)',
			},
			{
				method: 'GET',
				path: '/api/v1/channels.messages',
				check: (r) => r.query.roomId === dev._id,
				what: `channels.messages of #dev by its ID ${dev._id}`,
			},
			{
				method: 'POST',
				path: '/api/v1/chat.postMessage',
				check: (r) => r.body.channel === '#general' && r.body.text === text,
				what: 'chat.postMessage of the summary to #general',
			},
		],
	};
}

function bookingRequests(sandbox, users) {
	const { general } = sandbox.fixtures.channels;
	const { name, start, end } = booking();
	const startMs = Date.parse(start);
	const endMs = Date.parse(end);
	assert(endMs - startMs === 30 * 60_000, 'the booking is not 30 minutes long');
	const ids = users.map((u) => u._id);
	return {
		name,
		startMs,
		endMs,
		expected: [
			...users.map((u) => ({
				method: 'GET',
				path: '/api/v1/users.info',
				check: (r) => r.query.username === u.username,
				what: `users.info of ${u.username} (given as "${u.username}" and "@${u.username}")`,
			})),
			{
				method: 'GET',
				path: '/api/v1/channels.info',
				check: (r) => r.query.roomName === 'general',
				what: 'channels.info of #general (the room given as "#general")',
			},
			{
				method: 'POST',
				path: '/api/v1/scc.createConference',
				check: (r) => {
					const c = r.body.conference;
					return (
						c.name === name &&
						c.rid === general._id &&
						c.plannedStartTime === startMs &&
						c.plannedEndTime === endMs
					);
				},
				what: `scc.createConference "${name}" in #general, ${start} → ${startMs}, ${end} → ${endMs}`,
			},
			{
				method: 'POST',
				path: '/api/v1/conference.inviteUsers',
				check: (r) => JSON.stringify(r.body.userIds) === JSON.stringify(ids),
				what: `conference.inviteUsers of ${ids.join(', ')}`,
			},
		],
	};
}

/** Every expected request arrived exactly once, and nothing else did (login and /me aside). */
function matchRequests(received, expected) {
	const left = [...received];
	const missing = [];
	for (const want of expected) {
		const at = left.findIndex(
			(r) => r.method === want.method && r.path === want.path && want.check(r),
		);
		if (at < 0) missing.push(want.what);
		else left.splice(at, 1);
	}
	assert(
		missing.length === 0 && left.length === 0,
		`the sandbox did not receive what the tool calls imply.\nMissing: ${missing.join('; ') || 'none'}\nUnexpected: ${left.map(signature).join('\n') || 'none'}\nReceived: ${received.map(signature).join('\n')}`,
	);
}

/**
 * Runs the assistant example with `execute` (run.js's n8n execute + run checks) and checks the
 * sandbox's requests, the conference and its invitations, and the agent's answers.
 */
async function checkAgent({ execute, sandbox, model }) {
	const { fixtures, state } = sandbox;
	const ivan = state.userByUsername('ivan.petrov');
	const anna = state.userByUsername('anna.smirnova');
	sandbox.clearRequests();
	model.decisions.length = 0;
	const out = await execute(ASSISTANT_ID);

	const answers = out['AI Agent'] ?? [];
	assert(answers.length === 2, `the agent answered ${answers.length} of 2 prompts`);
	const received = sandbox.requests().filter((r) => !AUTH_PATHS.has(r.path));
	assert(
		received.every((r) => r.status === 200),
		`failed requests: ${received.filter((r) => r.status !== 200).map(signature)}`,
	);
	const summary = summaryRequests(sandbox, model);
	const call = bookingRequests(sandbox, [ivan, anna]);
	matchRequests(received, [...summary.expected, ...call.expected]);

	const inGeneral = state.roomMessages.get(fixtures.channels.general._id) ?? [];
	const posted = inGeneral.find((m) => m.msg === summary.text);
	assert(
		posted,
		`the summary is not in #general, whose last message is ${JSON.stringify(inGeneral.at(-1)?.msg)}`,
	);
	const conference = [...state.conferences.values()].find((c) => c.name === call.name);
	assert(conference, `no conference "${call.name}"`);
	const invited = state.invitations
		.filter((i) => i.conferenceId === conference._id)
		.map((i) => state.userById(i.userId)?.username)
		.sort();
	assert(
		JSON.stringify(invited) === JSON.stringify(['anna.smirnova', 'ivan.petrov']),
		`invited: ${invited}`,
	);
	const bookingAnswer = answers
		.map((a) => String(a.output ?? ''))
		.find((text) => /Booked/.test(text));
	assert(bookingAnswer, `no booking answer among: ${JSON.stringify(answers)}`);
	const created = sandbox
		.requests({ path: '/api/v1/scc.createConference' })
		.map((r) => r.status)
		.join();
	assert(created === '200', `scc.createConference: ${created}`);
	const link = `${sandbox.url}/conference/${conference.number}`;
	assert(
		bookingAnswer.includes(link),
		`the answer lacks the conference link ${link}: ${bookingAnswer}`,
	);
	assert(
		answers.some((a) => /posted a summary to #general/.test(String(a.output))),
		`no summary answer among: ${JSON.stringify(answers)}`,
	);
	const streamed = model.requests.filter((r) => r.body.stream).length;
	return `${received.length} Squadus requests as the model's ${model.decisions.length} turns imply (${streamed}/${model.requests.length} model calls streamed); conference ${conference.number} at ${new Date(call.startMs).toISOString()}, 2 invited; answer has ${link}`;
}

module.exports = { checkAgent, ASSISTANT_ID, BOOKING_PROMPT, matchRequests, signature };
