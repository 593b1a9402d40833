import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHttpRequestMethods,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

/** A failure described for people: what happened, and how to fix it. */
export interface Explanation {
	message: string;
	description?: string;
}

const TLS_CODES = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'UNABLE_TO_GET_ISSUER_CERT',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const CONNECT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EADDRNOTAVAIL',
	'ERR_INVALID_URL',
	'EPROTO',
]);

/** Error codes meaning the connection broke after the request may have reached the server. */
const DROP_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

export type NetworkFailure = 'timeout' | 'tls' | 'connect' | 'drop' | 'other';

interface RawError {
	code?: string;
	message?: string;
	response?: { status?: number; data?: unknown; headers?: IDataObject };
}

/** How a request without an HTTP answer failed. */
export function classifyNetworkError(error: RawError): NetworkFailure {
	// none reads "undefined", which no rule below matches
	const code = String(error.code);
	const message = String(error.message);
	if (
		code === 'ECONNABORTED' ||
		code === 'ETIMEDOUT' ||
		/timeout of \d+ms exceeded/i.test(message)
	) {
		return 'timeout';
	}
	if (TLS_CODES.has(code) || /certificate/i.test(message)) return 'tls';
	if (CONNECT_CODES.has(code)) return 'connect';
	// A connection cut after the headers: axios says "stream has been aborted" (with the
	// status of the headers it had), Node "aborted" or "Premature close".
	if (
		DROP_CODES.has(code) ||
		/socket hang up|ECONNRESET|stream has been aborted|^aborted$|premature close/i.test(message)
	) {
		return 'drop';
	}
	return 'other';
}

/** Messages for requests that got no HTTP answer; shared by the transport and the credentials. */
export function explainNetworkError(
	error: RawError,
	server: string,
	method: IHttpRequestMethods = 'GET',
	timeout?: number,
): Explanation {
	// n8n replaces a message that contains a Node.js error code, so codes go in the description.
	const code = error.code ? ` (error code ${error.code})` : '';
	const notRepeated =
		method === 'GET' || method === 'HEAD'
			? ''
			: ' The request was not sent again, because Squadus may already have carried it out: check before running it again.';
	switch (classifyNetworkError(error)) {
		case 'timeout':
			return {
				message: `Squadus did not answer within ${timeout ? `${timeout / 1000} s` : 'the time limit'}`,
				description: `The request timed out.${notRepeated} If the server is just slow, raise the node's Options → Timeout.`,
			};
		case 'tls': {
			const selfSigned = /SELF_SIGNED|self[- ]signed/i.test(`${error.code} ${error.message}`);
			return {
				message: selfSigned
					? 'The Squadus server uses a self-signed TLS certificate, which n8n does not trust'
					: 'The TLS certificate of the Squadus server could not be verified',
				description: `If you trust ${server}, turn on "Ignore SSL Issues (Insecure)" in the credential, or make its certificate authority known to n8n (NODE_EXTRA_CA_CERTS)${code}.`,
			};
		}
		case 'connect':
			return {
				message: `Could not connect to the Squadus server at ${server}`,
				description: `Check the Server Address in the credential (e.g. https://im.example.ru) and that n8n can reach it${code}.`,
			};
		case 'drop':
			return {
				message: 'The connection to Squadus was closed before it answered',
				description: `The server or a proxy dropped the connection${code}.${notRepeated}`,
			};
		default:
			return {
				message: 'The request to Squadus failed',
				description: `${error.message ?? 'Unknown error'}${code}`,
			};
	}
}

/** The endpoint as errors name it: `/channels.info?roomId=1` is "channels.info". */
export function actionOf(endpoint: string): string {
	return endpoint.replace(/^\//, '').split('?')[0];
}

/** Rocket.Chat puts a readable text in `error` (or `message`) and a code in `errorType`. */
export function serverText(body: unknown): { text?: string; errorType?: string } {
	if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return {};
	const data = body as IDataObject;
	const pick = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
	const error = pick(data.error);
	// `{ error: 'totp-required', message: 'TOTP Required' }`: a code and a text.
	const errorIsCode = error !== undefined && /^[\w-]+$/.test(error);
	const text =
		(errorIsCode ? (pick(data.message) ?? error) : error) ??
		pick(data.message) ??
		pick(data.reason);
	const bracket = text ? /\[([\w-]+)\]\s*$/.exec(text)?.[1] : undefined;
	const errorType = pick(data.errorType) ?? bracket ?? (errorIsCode ? error : undefined);
	return { text, errorType };
}

const ROOM_ERRORS = new Set<string | undefined>([
	'error-room-not-found',
	'invalid-channel',
	'error-invalid-room',
]);

function describeHttpFailure(
	status: number,
	text: string | undefined,
	errorType: string | undefined,
	endpoint: string,
	attempts: number,
): string | undefined {
	const action = actionOf(endpoint);
	if (status === 401) {
		return 'Squadus did not accept the credential. Check it: for Password the username, password and second factor; for Personal Access Token the user ID and token (it may have been revoked); for OAuth2 reconnect the account.';
	}
	if (status === 403 || errorType === 'error-unauthorized' || errorType === 'error-not-allowed') {
		return `The Squadus account lacks a permission needed for "${action}". Ask a Squadus administrator to grant it, or use a credential of an account that has it.`;
	}
	if (status === 429) {
		return `Squadus kept answering "too many requests" after ${attempts} attempts. Run the workflow again later, or slow it down (e.g. Loop Over Items with a Wait node).`;
	}
	if (ROOM_ERRORS.has(errorType)) {
		return 'Check the channel or room: it does not exist, or the account cannot see it. Choose it from the list, or check its ID or name.';
	}
	if (errorType === 'error-invalid-user') {
		return 'Check the user: no Squadus user matches the given ID or username.';
	}
	if (errorType === 'invalid-params' || errorType === 'error-invalid-params') {
		const parameter = text ? /'([\w.[\]]+)'|"([\w.[\]]+)"/.exec(text) : null;
		const name = parameter?.[1] ?? parameter?.[2];
		return name
			? `Squadus rejected the parameter "${name}". Check its value.`
			: 'Squadus rejected a parameter of the request. Check the values of the node.';
	}
	if (status === 404) {
		return `Squadus has no "${action}" here. Check the Server Address in the credential (the server's address, without /api/v1) and the ID you gave.`;
	}
	if (status === 413)
		return 'The request is too large for the Squadus server (e.g. a file above its upload limit).';
	if (status >= 500) {
		const tries = attempts > 1 ? `, ${attempts} times in a row` : '';
		return `The Squadus server failed to process the request${tries}. Try again later; if it persists, ask its administrator.`;
	}
	return undefined;
}

/**
 * The NodeApiError for an HTTP error or a `success: false` answer. It is built from the
 * response body only, so nothing from the request (headers carry tokens) reaches the error.
 */
export function httpError(
	node: INode,
	status: number,
	body: unknown,
	{ endpoint, itemIndex, attempts = 1 }: { endpoint: string; itemIndex: number; attempts?: number },
): NodeApiError {
	const { text, errorType } = serverText(body);
	const message =
		text ??
		(status === 429
			? 'Squadus rate limit reached'
			: status
				? `Squadus answered with HTTP ${status}`
				: 'Squadus reported a failure');
	const description = describeHttpFailure(status, text, errorType, endpoint, attempts);
	const response: JsonObject =
		body && typeof body === 'object' && !Buffer.isBuffer(body) ? { ...(body as JsonObject) } : {};
	const error = new NodeApiError(node, response, {
		message,
		description,
		httpCode: status ? String(status) : undefined,
		itemIndex,
	});
	if (errorType) error.context.errorType = errorType;
	return error;
}

/**
 * Squadus answered 401 to the first request made with a session it had just issued: the
 * credential logs in, but its session is not accepted, so renewing it again would not help.
 */
export function sessionRefusedError(
	node: INode,
	body: unknown,
	{ endpoint, itemIndex }: { endpoint: string; itemIndex: number },
): NodeApiError {
	const { text, errorType } = serverText(body);
	const action = actionOf(endpoint);
	const answer = text ? ` ("${text}")` : '';
	const error = new NodeApiError(
		node,
		{},
		{
			message: 'Squadus refused the session of the credential right after logging in',
			description: `Squadus answered HTTP 401${answer} to "${action}" although the login with the credential had just succeeded, twice. Check the credential: the account must be active and allowed to use the REST API, and the Server Address must point to the Squadus server itself (servers behind a load balancer must share their sessions).`,
			httpCode: '401',
			itemIndex,
		},
	);
	if (errorType) error.context.errorType = errorType;
	return error;
}

/** A NodeApiError from an explanation (no HTTP answer), carrying nothing from the request. */
export function explainedError(
	node: INode,
	{ message, description }: Explanation,
	itemIndex: number,
	extra: JsonObject = {},
): NodeApiError {
	return new NodeApiError(node, { message, ...extra } as JsonObject, {
		message,
		description,
		itemIndex,
	});
}

/**
 * The error as an n8n error, for a catch block that passes on what it does not handle. n8n's
 * constructors hand an n8n error back unchanged (with its message, description and HTTP code),
 * and anything else becomes an API error.
 */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeOperationError) return new NodeOperationError(node, error);
	return new NodeApiError(node, error as JsonObject);
}

/** Status and body of an HTTP error, whether n8n-core wrapped it in a NodeApiError or not. */
export function errorResponse(error: unknown): {
	status?: number;
	body?: unknown;
	headers?: IDataObject;
	raw: JsonObject;
} {
	const outer = error as JsonObject & { cause?: JsonObject };
	const raw = (
		outer instanceof NodeApiError && outer.cause && typeof outer.cause === 'object'
			? outer.cause
			: outer
	) as JsonObject & { response?: { status?: number; data?: unknown; headers?: IDataObject } };
	return {
		status: raw.response?.status,
		body: raw.response?.data,
		headers: raw.response?.headers,
		raw,
	};
}
