/**
 * Video conferences (manual 3.8) and meeting records (3.9), one module per concern:
 * `lifecycle.ts` (create, update, start, end, access token), `participants.ts` (invitations and
 * calls), `info.ts` (one conference, the lists, features), `chat.ts`, `records.ts`, with
 * `access.ts` (lookups, permissions) and `present.ts` (the JSON shapes) under them.
 *
 * A conference's `_id` is also its meeting id (`meetingId`, `mid`): the manual's meeting info is the
 * conference document plus its records and chat/speech artefacts. Lifecycle: BOOKED -> STARTED
 * (scc.startConference) -> ENDED (Sandbox.endConference, the meeting server's doing in real life).
 */
import type { Route } from '../../core';
import { createChat, getChat } from './chat';
import {
	features,
	getConferenceInfo,
	getFullConferenceInfo,
	getMeetingInfo,
	roomConferences,
	userConferences,
	userRoomsConferences,
} from './info';
import {
	createConference,
	generateAccessToken,
	startConference,
	updateConference,
} from './lifecycle';
import { acceptCall, callSkip, callUsers, inviteUsers } from './participants';
import { deleteRecord } from './records';

export { endConference } from './lifecycle';
export { presentConferenceState } from './present';
export { addMeetingArtefacts, canDownloadConferenceFile } from './records';

export const conferenceRoutes: Route[] = [
	{ method: 'GET', path: 'scc.generateAccessToken', handler: generateAccessToken },
	{ method: 'GET', path: 'scc.getConferenceInfo', handler: getConferenceInfo },
	{ method: 'GET', path: 'scc.getFullConferenceInfo', handler: getFullConferenceInfo },
	{ method: 'GET', path: 'scc.getMeetingInfo', handler: getMeetingInfo },
	{ method: 'POST', path: 'scc.createConference', handler: createConference },
	{ method: 'PUT', path: 'scc.updateConference', handler: updateConference },
	{ method: 'POST', path: 'scc.startConference', handler: startConference },
	{ method: 'POST', path: 'conference.inviteUsers', handler: inviteUsers },
	{ method: 'POST', path: 'conference.callUsers', handler: callUsers },
	{ method: 'POST', path: 'scc.acceptCall', handler: acceptCall },
	{ method: 'POST', path: 'scc.callSkip', handler: callSkip },
	{ method: 'GET', path: 'scc.getRoomConferences', handler: roomConferences },
	{ method: 'GET', path: 'scc.getUserConferences', handler: userConferences },
	{ method: 'GET', path: 'scc.getUserRoomsConferences', handler: userRoomsConferences },
	{ method: 'POST', path: 'conference.createChat', handler: createChat },
	{ method: 'GET', path: 'conference.getChat', handler: getChat },
	{ method: 'GET', path: 'conference/features', handler: features },
	{ method: 'DELETE', path: 'meeting/record', handler: deleteRecord },
];
