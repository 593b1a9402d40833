/**
 * The server address as the user typed it (`https://im.example.ru`, with or without a
 * trailing slash or `/api/v1`) → the bare origin and path prefix, without a trailing slash.
 */
export function normalizeServerUrl(server: unknown): string {
	return String(server ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api\/v1$/i, '')
		.replace(/\/+$/, '');
}

export function apiUrl(server: string, endpoint: string): string {
	const path = endpoint.startsWith('/') ? endpoint : `/${endpoint}`;
	return `${normalizeServerUrl(server)}/api/v1${path}`;
}

/** What is wrong with a Server Address, in words that say how to fix it; undefined if nothing. */
export function serverAddressProblem(server: unknown): string | undefined {
	const text = normalizeServerUrl(server);
	if (!text)
		return 'The Server Address is empty: enter the address of your Squadus server, e.g. https://im.example.ru';
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return 'The Server Address is not a valid address: enter it with http:// or https://, e.g. https://im.example.ru';
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return `The Server Address must start with https:// or http:// (it starts with ${url.protocol}), e.g. https://im.example.ru`;
	}
	if (url.username || url.password) {
		// The address itself is not repeated: it holds a password.
		return 'The Server Address must not contain a username or password: remove them from the address (e.g. https://im.example.ru) and enter the login in the credential’s own fields';
	}
	return undefined;
}

/** `https://host:port` of an absolute address, or undefined. */
export function originOf(address: string): string | undefined {
	return URL.canParse(address) ? new URL(address).origin : undefined;
}
