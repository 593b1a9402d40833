// Manual 3.8.11
import { callOperation } from './callOperation';

export const { description, execute } = callOperation('declineCall', '/scc.callSkip', {
	withMeeting: false,
	numberKey: 'conferenceNumber',
});
