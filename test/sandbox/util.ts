import { createHash, randomBytes, timingSafeEqual } from 'crypto';

const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/** A Rocket.Chat style id (Meteor Random.id(): 17 characters). */
export function randomId(length = 17): string {
	const bytes = randomBytes(length);
	let id = '';
	for (let i = 0; i < length; i++) id += ID_ALPHABET[bytes[i] % ID_ALPHABET.length];
	return id;
}

/** Many ids at once (bulk seeding): one randomBytes call instead of one per id. */
export function randomIds(count: number, length = 17): string[] {
	const bytes = randomBytes(count * length);
	const ids = new Array<string>(count);
	for (let n = 0; n < count; n++) {
		let id = '';
		for (let i = 0; i < length; i++) id += ID_ALPHABET[bytes[n * length + i] % ID_ALPHABET.length];
		ids[n] = id;
	}
	return ids;
}

/** A MongoDB ObjectId-looking id (24 hex), as the conference service uses. */
export function objectId(): string {
	const time = Math.floor(Date.now() / 1000)
		.toString(16)
		.padStart(8, '0');
	return time + randomBytes(8).toString('hex');
}

/** A login/personal access token: 43 characters of base64url, like Rocket.Chat's. */
export function randomToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashPassword(password: string, salt: string): string {
	return createHash('sha256').update(salt).update('\0').update(password).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
	const ab = Buffer.from(a);
	const bb = Buffer.from(b);
	return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function iso(ms: number | undefined | null): string | null {
	return ms === undefined || ms === null ? null : new Date(ms).toISOString();
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return (
		typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value)
	);
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rocket.Chat's typeGroup: the first part of the MIME type. */
export function typeGroupOf(mimeType: string): string {
	return mimeType.split('/')[0] || 'application';
}
