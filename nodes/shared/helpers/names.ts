/** Names given as a comma-separated string or as a list from an expression. */
export function splitNames(raw: unknown, prefix = ''): string[] {
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	return list
		.map((name) => String(name).trim())
		.map((name) => (prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name))
		.filter(Boolean);
}

/** Rocket.Chat ids: Meteor's Random.id() (17 characters) or a 24-hex ObjectId. */
const RANDOM_ID = /^[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{17}$/;
const OBJECT_ID = /^[0-9a-f]{24}$/;
/** Channel names as Squadus allows them (no spaces, no #). */
const CHANNEL_NAME = /^[\p{L}\p{N}._-]+$/u;

/** Whether a text has the shape of a Rocket.Chat id (not proof that it is one). */
export function looksLikeId(text: string): boolean {
	return RANDOM_ID.test(text) || OBJECT_ID.test(text);
}

/**
 * An id a person would not choose as a name: id-shaped, with upper- and lower-case letters
 * mixed (a random 17-character id lacks one of them about once in 6,000; it lacks a digit
 * once in 15, so digits prove nothing).
 */
function surelyAnId(text: string): boolean {
	return OBJECT_ID.test(text) || (RANDOM_ID.test(text) && /[A-Z]/.test(text) && /[a-z]/.test(text));
}

export type ChannelText = { roomId: string } | { roomName: string };
export type UserText = { userId: string } | { username: string };

/**
 * A channel as people and models write it, read in the light of the field's mode: `#name` is
 * always a name; in a name field an unmistakable id is an id; in an id field a text that cannot
 * be an id but is a valid channel name (e.g. `dev`) is a name.
 */
export function parseChannelText(text: string, mode: string): ChannelText {
	const value = text.trim();
	if (value.startsWith('#')) return { roomName: value.slice(1).trim() };
	if (mode === 'name') return surelyAnId(value) ? { roomId: value } : { roomName: value };
	if (looksLikeId(value) || value === 'GENERAL') return { roomId: value };
	return CHANNEL_NAME.test(value) && value === value.toLowerCase()
		? { roomName: value }
		: { roomId: value };
}

/**
 * A user as people and models write it: `@name` is always a username; in a username field an
 * unmistakable id is an id; in an id field (`id`, `list`) a text with a dot (e.g. `ivan.petrov`;
 * ids have none) is a username; in free text (`text`: a list of IDs or usernames) what has the
 * shape of an id is an id and the rest are usernames.
 */
export function parseUserText(
	text: string,
	mode: 'id' | 'list' | 'username' | 'text' | string,
): UserText {
	const value = text.trim();
	if (value.startsWith('@')) return { username: value.slice(1).trim() };
	if (mode === 'username') return surelyAnId(value) ? { userId: value } : { username: value };
	if (mode === 'text') {
		return looksLikeId(value) && !value.includes('.') ? { userId: value } : { username: value };
	}
	return value.includes('.') ? { username: value } : { userId: value };
}
