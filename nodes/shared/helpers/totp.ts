import { createHmac } from 'crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes an RFC 4648 base32 secret, as authenticator apps show it (spaces and case ignored). */
export function base32Decode(secret: string): Buffer {
	const clean = secret.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
	let bits = 0;
	let value = 0;
	const bytes: number[] = [];
	for (const char of clean) {
		const index = BASE32.indexOf(char);
		if (index === -1)
			throw new Error('The TOTP secret is not valid base32 (letters A–Z and digits 2–7)');
		value = (value << 5) | index;
		bits += 5;
		if (bits >= 8) {
			bytes.push((value >>> (bits - 8)) & 0xff);
			bits -= 8;
		}
	}
	return Buffer.from(bytes);
}

/** RFC 6238 time-based one-time password (HMAC-SHA1, 30-second steps, 6 digits). */
export function totp(secret: string, time = Date.now(), step = 30, digits = 6): string {
	const counter = Math.floor(time / 1000 / step);
	const message = Buffer.alloc(8);
	message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
	message.writeUInt32BE(counter >>> 0, 4);
	const hmac = createHmac('sha1', base32Decode(secret)).update(message).digest();
	const offset = hmac[hmac.length - 1] & 0x0f;
	const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
	return code.toString().padStart(digits, '0');
}
