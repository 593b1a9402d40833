// Manual 3.8.14
import { conferenceListOperation } from './conferenceListOperation';

export const { description, execute } = conferenceListOperation(
	'getManyInMyRooms',
	'/scc.getUserRoomsConferences',
	['sort', 'sortOrder', 'startedAfter', 'status'],
);
