/**
 * The stand-in model's script for the Squadus assistant (examples/assistant.json): two requests,
 * each answered with the tool calls a capable model would make, then a final text built from the
 * tool results. Used by `npm run e2e` (which asserts what the sandbox received) and `npm start`.
 *
 * The tools are named after the agent's tool nodes (n8n turns "Find channels" into Find_channels).
 */
'use strict';

const SUMMARY_PROMPT = 'Summarise #dev and post the summary to #general';
const BOOKING_PROMPT =
	'Book a 30-minute call tomorrow at 10:00 Moscow time with ivan.petrov and anna.smirnova';

/** n8n hands a tool's output to the model as JSON text: a list of items, or one object. */
function itemsOf(content) {
	let value = content;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return [];
		}
	}
	if (value && !Array.isArray(value) && Array.isArray(value.response)) value = value.response;
	const list = Array.isArray(value) ? value : value ? [value] : [];
	return list.map((entry) => (entry && typeof entry.json === 'object' ? entry.json : entry));
}

function resultOf(context, tool, nth = 0) {
	const found = context.results.filter((r) => r.tool === tool)[nth];
	if (!found) throw new Error(`no result from ${tool}`);
	if (/^(error|there was an error)/i.test(found.text.trim()) || itemsOf(found.content)[0]?.error) {
		throw new Error(`${tool} failed: ${found.text.slice(0, 300)}`);
	}
	return itemsOf(found.content);
}

/** Tomorrow's date in Moscow (UTC+3 all year), as YYYY-MM-DD. */
function tomorrowInMoscow(now = new Date()) {
	const moscow = new Date(now.getTime() + 3 * 3600_000);
	moscow.setUTCDate(moscow.getUTCDate() + 1);
	return moscow.toISOString().slice(0, 10);
}

/** The call the booking asks for: tomorrow 10:00–10:30 Moscow time, as ISO 8601 with the offset. */
function booking(now = new Date()) {
	const day = tomorrowInMoscow(now);
	return {
		name: 'Call with Ivan Petrov and Anna Smirnova',
		start: `${day}T10:00:00+03:00`,
		end: `${day}T10:30:00+03:00`,
		day,
	};
}

/** The summary the model writes from #dev's messages (newest last). */
function summaryText(messages) {
	const ordered = [...messages].sort((a, b) => String(a.ts).localeCompare(String(b.ts)));
	const lines = ordered
		.slice(-5)
		.map((m) => `• ${m.u?.username ?? 'someone'}: ${m.msg || '(a file)'}`);
	return `*Summary of #dev* (${messages.length} recent messages)\n${lines.join('\n')}`;
}

const assistantScript = [
	{
		example: SUMMARY_PROMPT,
		match: /summar(i|y)[sz]e\s+#?dev/i,
		steps: [
			// the channel by a name with '#', as people write it
			() => ({ toolCalls: [{ tool: 'Find_channels', args: { name_contains: '#dev' } }] }),
			// its messages by the ID the search returned
			(context) => {
				const dev = resultOf(context, 'Find_channels').find((c) => c.name === 'dev');
				if (!dev) throw new Error('Find_channels did not return #dev');
				return {
					toolCalls: [{ tool: 'Read_channel_messages', args: { channel: dev._id, limit: 20 } }],
				};
			},
			(context) => ({
				toolCalls: [
					{
						tool: 'Send_message',
						args: {
							channel: '#general',
							text: summaryText(resultOf(context, 'Read_channel_messages')),
						},
					},
				],
			}),
			(context) => {
				const [sent] = resultOf(context, 'Send_message');
				const count = resultOf(context, 'Read_channel_messages').length;
				return {
					text: `I read the last ${count} messages of #dev and posted a summary to #general (message ${sent?._id}).`,
				};
			},
		],
	},
	{
		example: BOOKING_PROMPT,
		match: /book .*call/i,
		steps: [
			// one username as given, one with '@', as models write them
			() => ({
				toolCalls: [
					{ tool: 'Look_up_user', args: { user: 'ivan.petrov' } },
					{ tool: 'Look_up_user', args: { user: '@anna.smirnova' } },
				],
			}),
			(context) => {
				const { name, start, end } = booking(context.now);
				return {
					toolCalls: [
						{
							tool: 'Create_conference',
							args: { name, room: '#general', start, end },
						},
					],
				};
			},
			(context) => {
				const [conference] = resultOf(context, 'Create_conference');
				const ids = [0, 1].map((n) => resultOf(context, 'Look_up_user', n)[0]._id);
				return {
					toolCalls: [
						{
							tool: 'Invite_to_conference',
							args: { meeting_id: conference._id, users: ids.join(', ') },
						},
					],
				};
			},
			(context) => {
				const [conference] = resultOf(context, 'Create_conference');
				const { day } = booking(context.now);
				const people = [0, 1]
					.map((n) => resultOf(context, 'Look_up_user', n)[0].name)
					.join(' and ');
				return {
					text: `Booked "${conference.name}" (conference ${conference.number}) on ${day}, 10:00–10:30 Moscow time, in #general, and invited ${people}. Join here: ${conference.serviceUrl}`,
				};
			},
		],
	},
];

module.exports = {
	assistantScript,
	SUMMARY_PROMPT,
	BOOKING_PROMPT,
	booking,
	summaryText,
	itemsOf,
};
