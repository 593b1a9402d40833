// POST /scc.callSkip (docs/api-map.md)
import { callOperation } from './callOperation';

export const { description, execute } = callOperation('declineCall', '/scc.callSkip', {
	withMeeting: false,
	numberKey: 'conferenceNumber',
});
