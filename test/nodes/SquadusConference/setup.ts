// Shared set-up of the Squadus Conference tests: locator values, fresh conferences and the
// "fails with and without Continue On Fail" check every operation repeats.
import type { INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { ConferenceRecord } from '../../sandbox/state';
import { failureCheck, runNode, type RunNodeOptions } from '../helpers';

const locator = (mode: string, value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode,
	value,
});
export const byId = (value: string) => locator('id', value);
export const byNumber = (value: string) => locator('number', value);
export const byUsername = (value: string) => locator('username', value);
/** A Users fixedCollection value: one `user` entry per locator. */
export const picked = (...locators: INodeParameterResourceLocator[]): INodeParameters => ({
	user: locators.map((user) => ({ user })),
});

export function runConference(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: RunNodeOptions = {},
) {
	return runNode(sandbox, 'squadusConference', parameters, options);
}

/** A booked conference in #general created by the admin straight in the sandbox's state (no request logged). */
export function freshConference(
	sandbox: Sandbox,
	overrides: Partial<Omit<ConferenceRecord, '_id' | 'number'>> = {},
): ConferenceRecord {
	const { state, fixtures } = sandbox;
	const now = Date.now();
	const creatorId = overrides.creatorId ?? fixtures.admin._id;
	return state.addConference({
		name: `Test conference ${Math.random().toString(36).slice(2, 8)}`,
		status: 'BOOKED',
		type: 'REGULAR',
		rid: overrides.rid ?? fixtures.channels.general._id,
		conferenceSettings: { audioMute: false, videoMute: false, waitingRoomEnable: false },
		videoAdapter: 'Jitsi',
		conferenceFormat: 'conference',
		creatorId,
		participants: new Map([
			[creatorId, { userId: creatorId, role: 'MODERATOR', status: 'PARTICIPATE', invited: false }],
		]),
		joined: new Set(),
		createdAt: now,
		updatedAt: now,
		createChat: false,
		showChat: true,
		persistentChat: false,
		records: [],
		countMessages: 0,
		countBreakouts: 0,
		...overrides,
	} as Omit<ConferenceRecord, '_id' | 'number'>);
}

/** The shared Continue On Fail check (`expectNodeFailure`), for the Conference node. */
export const expectFailure = failureCheck('squadusConference');
