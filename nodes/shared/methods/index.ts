import { searchChannels, searchConferences, searchRooms, searchUsers } from './listSearch';

export const listSearch = { searchChannels, searchUsers, searchRooms, searchConferences };
