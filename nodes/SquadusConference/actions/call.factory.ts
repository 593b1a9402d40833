import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	conferenceLocator,
	meetingIdField,
	roomLocator,
	updateDisplayOptions,
} from '../../shared/descriptions';
import { getConferenceNumber, getRoomId } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';
import type { OperationModule } from '../../shared/types';
import { skipTokenField } from '../helpers/chat';

/**
 * Accept Call and Decline Call share one shape: a room, a conference and the skip token, sent
 * to their endpoint. Accepting also names the meeting (`mid`) and sends the conference number
 * as `number`; declining sends it as `conferenceNumber`.
 */
export function callOperation(
	operation: string,
	endpoint: string,
	{ withMeeting, numberKey }: { withMeeting: boolean; numberKey: 'number' | 'conferenceNumber' },
): OperationModule {
	const properties: INodeProperties[] = [
		roomLocator({ description: 'The room the call comes from' }),
		...(withMeeting
			? [meetingIdField({ description: 'The meeting of the call: the _id of the conference' })]
			: []),
		conferenceLocator({ description: 'The conference of the call' }),
		skipTokenField,
	];

	return {
		description: updateDisplayOptions({ show: { operation: [operation] } }, properties),
		async execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
			const rid = getRoomId.call(this, i);
			const meeting = withMeeting
				? { mid: (this.getNodeParameter('meetingId', i) as string).trim() }
				: undefined;
			const conferenceNumber = getConferenceNumber.call(this, i);
			const skipToken = this.getNodeParameter('skipToken', i) as string;
			await squadusApiRequest.call(this, 'POST', endpoint, {
				body: { rid, ...meeting, [numberKey]: conferenceNumber, skipToken },
				itemIndex: i,
			});
			return {
				success: true,
				rid,
				...(meeting ? { meetingId: meeting.mid } : {}),
				conferenceNumber,
			};
		},
	};
}
