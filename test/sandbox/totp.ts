/**
 * RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits) and RFC 4648 base32.
 */
import { createHmac, randomBytes } from 'crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(data: Buffer): string {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of data) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += BASE32[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
	return out;
}

export function base32Decode(text: string): Buffer {
	const clean = text.toUpperCase().replace(/[\s=-]/g, '');
	let bits = 0;
	let value = 0;
	const out: number[] = [];
	for (const char of clean) {
		const index = BASE32.indexOf(char);
		if (index < 0) throw new Error(`Invalid base32 character "${char}"`);
		value = (value << 5) | index;
		bits += 5;
		if (bits >= 8) {
			out.push((value >>> (bits - 8)) & 255);
			bits -= 8;
		}
	}
	return Buffer.from(out);
}

export function generateTotpSecret(): string {
	return base32Encode(randomBytes(20));
}

function hotp(key: Buffer, counter: number, digits: number): string {
	const message = Buffer.alloc(8);
	message.writeBigUInt64BE(BigInt(counter));
	const hmac = createHmac('sha1', key).update(message).digest();
	const offset = hmac[hmac.length - 1] & 0x0f;
	const binary =
		((hmac[offset] & 0x7f) << 24) |
		(hmac[offset + 1] << 16) |
		(hmac[offset + 2] << 8) |
		hmac[offset + 3];
	return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The TOTP code of a base32 secret at a time (default now). */
export function generateTotp(
	secret: string,
	timeMs = Date.now(),
	stepSec = 30,
	digits = 6,
): string {
	return hotp(base32Decode(secret), Math.floor(timeMs / 1000 / stepSec), digits);
}

/** Accepts the current step and ±window steps. */
export function verifyTotp(secret: string, code: string, timeMs = Date.now(), window = 1): boolean {
	const clean = code.replace(/\s/g, '');
	if (!/^\d{6}$/.test(clean)) return false;
	const key = base32Decode(secret);
	const counter = Math.floor(timeMs / 1000 / 30);
	for (let delta = -window; delta <= window; delta++) {
		if (hotp(key, counter + delta, 6) === clean) return true;
	}
	return false;
}

/** otpauth:// URI for authenticator apps (shown by the CLI). */
export function totpUri(secret: string, account: string, issuer = 'Squadus Sandbox'): string {
	return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
