// GET /scc.getUserConferences (docs/api-map.md)
import { conferenceListOperation } from './conferenceListOperation';

export const { description, execute, simplify } = conferenceListOperation(
	'getManyForUser',
	'/scc.getUserConferences',
	['hasRecords', 'name', 'rid', 'role', 'sort', 'sortOrder', 'status', 'userId'],
);
