// POST /scc.callSkip (docs/api-map.md)
import { callOperation } from './call.factory';

export const { description, execute } = callOperation('declineCall', '/scc.callSkip', {
	withMeeting: false,
	numberKey: 'conferenceNumber',
});
