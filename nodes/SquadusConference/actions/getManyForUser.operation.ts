// Manual 3.8.13
import { conferenceListOperation } from './conferenceListOperation';

export const { description, execute } = conferenceListOperation(
	'getManyForUser',
	'/scc.getUserConferences',
	['hasRecords', 'name', 'rid', 'role', 'sort', 'sortOrder', 'status', 'userId'],
);
