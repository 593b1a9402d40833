// GET /scc.getUserRoomsConferences (docs/api-map.md)
import { conferenceListOperation } from './conferenceList.factory';

export const { description, execute, simplify } = conferenceListOperation(
	'getManyInMyRooms',
	'/scc.getUserRoomsConferences',
	['sort', 'sortOrder', 'startedAfter', 'status'],
);
