// GET /scc.getUserRoomsConferences (docs/api-map.md)
import { conferenceListOperation } from './conferenceList.factory';

export const { description, execute } = conferenceListOperation(
	'getManyInMyRooms',
	'/scc.getUserRoomsConferences',
	['sort', 'sortOrder', 'startedAfter', 'status'],
);
