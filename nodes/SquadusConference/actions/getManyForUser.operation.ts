// GET /scc.getUserConferences (docs/api-map.md)
import { conferenceListOperation } from './conferenceList.factory';

export const { description, execute } = conferenceListOperation(
	'getManyForUser',
	'/scc.getUserConferences',
	['hasRecords', 'name', 'rid', 'role', 'sort', 'sortOrder', 'status', 'userId'],
);
