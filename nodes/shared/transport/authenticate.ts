import {
	UserError,
	type ICredentialDataDecryptedObject,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import { normalizeServerUrl, originOf, serverAddressProblem } from './url';

/**
 * A credential value that goes into a header must not hold CR, LF or NUL (they would end the
 * header or be stripped silently). Returns what to fix, naming the field, or undefined.
 */
export function headerValueProblem(fields: Record<string, unknown>): string | undefined {
	for (const [name, value] of Object.entries(fields)) {
		// String(): a value that is not a text (none, a number) holds no control character
		if (/[\r\n\0]/.test(String(value))) {
			return `The credential's ${name} contains a line break or another control character: enter it again without line breaks`;
		}
	}
	return undefined;
}

/**
 * Sets the two headers Squadus authenticates by. A generic `authenticate` block would do the
 * same through n8n's expression engine on every request, which costs about 0.3 ms a request.
 * The credential goes only to its Server Address (http or https, same origin), and a header
 * value with a line break is refused, naming the field.
 */
export function withSquadusHeaders(
	requestOptions: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	token: { field: string; label: string },
	user: { field: string; label: string },
): IHttpRequestOptions {
	const authToken = credentials[token.field];
	const userId = credentials[user.field];
	const problem =
		serverAddressProblem(credentials.server) ??
		headerValueProblem({ [token.label]: authToken, [user.label]: userId }) ??
		otherOriginProblem(requestOptions, credentials.server);
	if (problem) throw new UserError(problem);
	requestOptions.headers = {
		...requestOptions.headers,
		'X-Auth-Token': String(authToken ?? ''),
		'X-User-Id': String(userId ?? ''),
	};
	return requestOptions;
}

function otherOriginProblem(
	requestOptions: IHttpRequestOptions,
	server: unknown,
): string | undefined {
	const serverOrigin = originOf(normalizeServerUrl(server));
	let target: string | undefined;
	try {
		target = new URL(requestOptions.url, requestOptions.baseURL).origin;
	} catch {
		return undefined; // n8n reports the invalid address itself
	}
	if (!serverOrigin || target === serverOrigin) return undefined;
	return `This Squadus credential is sent only to its Server Address (${serverOrigin}), not to ${target}: use a URL on ${serverOrigin}, or a credential for ${target}`;
}
