import { getUsers } from './loadOptions';
import { searchChannels, searchConferences, searchRooms, searchUsers } from './listSearch';

export const listSearch = { searchChannels, searchUsers, searchRooms, searchConferences };

export const loadOptions = { getUsers };
