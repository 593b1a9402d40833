// POST /scc.acceptCall (docs/api-map.md)
import { callOperation } from './call.factory';

export const { description, execute } = callOperation('acceptCall', '/scc.acceptCall', {
	withMeeting: true,
	numberKey: 'number',
});
