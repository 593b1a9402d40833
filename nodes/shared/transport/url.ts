/**
 * The server address as the user typed it (`https://im.example.ru`, with or without a
 * trailing slash or `/api/v1`) → the bare origin and path prefix, without a trailing slash.
 */
export function normalizeServerUrl(server: string): string {
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
