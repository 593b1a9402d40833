import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

/**
 * Redaction at one place: every secret known to a request is replaced with `[redacted]` in
 * an error before it leaves the transport (message, description, copied server body,
 * context), however the server echoed it: in JSON, nested, in HTML or in plain text,
 * raw, JSON-escaped or URL-encoded.
 */
export const REDACTED = '[redacted]';

/** Shorter values would redact ordinary words; no real secret is this short. */
const MIN_LENGTH = 4;

/** Credential fields that hold secrets (the Server Address's userinfo is refused before use). */
const SECRET_FIELDS = [
	'password',
	'accessToken',
	'authToken',
	'totpSecret',
	'code',
	'clientSecret',
];
const TOKEN_DATA_FIELDS = ['access_token', 'refresh_token', 'id_token'];

/** The secrets of a credential: password, tokens, TOTP secret, one-time code, OAuth tokens, client secret. */
export function credentialSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	const secrets: unknown[] = SECRET_FIELDS.map((field) => credentials[field]);
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	secrets.push(...TOKEN_DATA_FIELDS.map((field) => tokenData[field]));
	return secrets.filter((value): value is string => typeof value === 'string');
}

export class Redactor {
	private readonly pattern?: RegExp;

	constructor(secrets: unknown[]) {
		const forms = new Set<string>();
		for (const secret of secrets) {
			if (typeof secret !== 'string' || secret.length < MIN_LENGTH) continue;
			forms.add(secret);
			forms.add(JSON.stringify(secret).slice(1, -1));
			forms.add(encodeURIComponent(secret));
			forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
		}
		if (forms.size === 0) return;
		const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escape);
		this.pattern = new RegExp(alternatives.join('|'), 'g');
	}

	text(value: string): string {
		return this.pattern ? value.replace(this.pattern, REDACTED) : value;
	}

	/** A copy of any JSON-like value with every string (and key) redacted. */
	value<T>(value: T, seen = new WeakSet<object>()): T {
		if (!this.pattern) return value;
		if (typeof value === 'string') return this.text(value) as T;
		if (typeof value !== 'object' || value === null) return value;
		if (Buffer.isBuffer(value)) return this.text(value.toString('utf8')) as T;
		if (seen.has(value)) return undefined as T;
		seen.add(value);
		if (Array.isArray(value)) return value.map((entry) => this.value(entry, seen)) as T;
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value))
			copy[this.text(key)] = this.value(entry, seen);
		return copy as T;
	}

	/**
	 * Redacts an error in place (n8n errors keep their class, so `instanceof` still holds):
	 * message, description, messages, errorResponse, context and a plain-object cause.
	 */
	error<T>(error: T): T {
		if (!this.pattern || !error || typeof error !== 'object') return error;
		const target = error as unknown as Record<string, unknown> & {
			message?: unknown;
			stack?: unknown;
		};
		for (const key of ['message', 'description', 'stack']) {
			if (typeof target[key] === 'string') target[key] = this.text(target[key] as string);
		}
		for (const key of ['messages', 'errorResponse', 'context']) {
			if (target[key] !== undefined) target[key] = this.value(target[key]);
		}
		const cause = (error as { cause?: unknown }).cause;
		if (cause !== undefined) {
			Object.defineProperty(error, 'cause', {
				value:
					cause instanceof Error
						? { name: cause.name, message: this.text(cause.message) }
						: this.value(cause),
				enumerable: false,
				configurable: true,
				writable: true,
			});
		}
		return error;
	}
}
