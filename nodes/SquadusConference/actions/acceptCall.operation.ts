// Manual 3.8.10
import { callOperation } from './callOperation';

export const { description, execute } = callOperation('acceptCall', '/scc.acceptCall', {
	withMeeting: true,
	numberKey: 'number',
});
