import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

/**
 * One origin: a request that carries a credential goes only to the origin of the credential's
 * Server Address. n8n-core follows up to 21 redirects and keeps custom headers (X-Auth-Token)
 * and 307/308 bodies (a password) across origins, so every request is sent with redirects
 * off, and a redirect is followed here only when it stays on the same origin.
 */

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/** The server redirected a request to another origin; nothing was sent there. */
export class CrossOriginRedirect extends Error {
	constructor(
		readonly status: number,
		readonly from: string,
		readonly to: string,
	) {
		super(`Redirect from ${from} to ${to}`);
		this.name = 'CrossOriginRedirect';
	}
}

/** More redirects than any server needs: a loop. */
export class TooManyRedirects extends Error {
	constructor(readonly origin: string) {
		super(`More than ${MAX_REDIRECTS} redirects`);
		this.name = 'TooManyRedirects';
	}
}

function header(headers: unknown, name: string): string | undefined {
	if (!headers || typeof headers !== 'object') return undefined;
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value);
	}
	return undefined;
}

/**
 * Sends `request` with `send`, redirects off, following same-origin redirects (303, and
 * 301/302 after a POST, become a GET without body, as browsers do; 307/308 keep the method
 * and body, which is safe on the same origin). A redirect to another origin throws
 * CrossOriginRedirect before anything is sent there. `send` must return 3xx answers.
 */
export async function sendWithinOrigin(
	send: (request: IHttpRequestOptions) => Promise<IN8nHttpFullResponse>,
	request: IHttpRequestOptions,
): Promise<IN8nHttpFullResponse> {
	const origin = new URL(request.url).origin;
	let current: IHttpRequestOptions = { ...request, disableFollowRedirect: true };
	for (let hops = 0; ; hops++) {
		const response = await send(current);
		const location = REDIRECTS.has(response.statusCode)
			? header(response.headers, 'location')
			: undefined;
		if (location === undefined) return response;
		if (!URL.canParse(location, current.url)) {
			throw new CrossOriginRedirect(response.statusCode, origin, 'an invalid address');
		}
		const target = new URL(location, current.url);
		if (target.origin !== origin)
			throw new CrossOriginRedirect(response.statusCode, origin, target.origin);
		if (hops >= MAX_REDIRECTS) throw new TooManyRedirects(origin);
		const method = (current.method ?? 'GET').toUpperCase();
		const toGet =
			(response.statusCode === 303 && method !== 'GET' && method !== 'HEAD') ||
			((response.statusCode === 301 || response.statusCode === 302) && method === 'POST');
		current = {
			...current,
			url: target.href,
			qs: undefined,
			headers: { ...current.headers },
			...(toGet ? { method: 'GET', body: undefined } : {}),
		};
	}
}

/** Words for a redirect that was not followed, for the transport and the credentials. */
export function explainRedirect(error: CrossOriginRedirect | TooManyRedirects): {
	message: string;
	description: string;
} {
	if (error instanceof TooManyRedirects) {
		return {
			message: 'Squadus redirected the request too many times',
			description: `The server at ${error.origin} keeps redirecting (a loop). Check the Server Address in the credential.`,
		};
	}
	return {
		message: `Squadus redirected the request to another server (${error.to})`,
		description: `The server at ${error.from} answered HTTP ${error.status} with a redirect to ${error.to}. The request was not sent there, and neither was the credential: n8n sends credentials only to the Server Address. If ${error.to} is your Squadus server, enter it as the Server Address in the credential.`,
	};
}

/**
 * The signal that ends a request made with this node context: the execution's cancel signal,
 * or, inside the transport, that signal combined with the Timeout deadline.
 */
export function signalOf(context: object): AbortSignal | undefined {
	const getSignal = (context as { getExecutionCancelSignal?: () => AbortSignal | undefined })
		.getExecutionCancelSignal;
	return typeof getSignal === 'function' ? getSignal.call(context) : undefined;
}
