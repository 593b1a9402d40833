import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { credentialTypeFor, type SquadusCredentialType } from '../types';
import {
	asNodeError,
	classifyNetworkError,
	explainedError,
	explainNetworkError,
	httpError,
	sessionRefusedError,
} from './errors';
import { sendWithOAuth2Session } from './oauth2';
import { leaveTurn, paceFor, RATE_LIMIT_BUDGET_MS, takeTurn } from './rateLimit';
import { SessionRefused, sendWithSession } from './session';
import { apiUrl, normalizeServerUrl } from './url';

export type SquadusContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface SquadusRequestOptions {
	body?: IDataObject | IDataObject[] | FormData;
	qs?: IDataObject;
	headers?: IDataObject;
	/** The input item the request belongs to, for error messages. */
	itemIndex?: number;
	/** An absolute path on the server (e.g. a file download link) instead of an `/api/v1` endpoint. */
	serverPath?: boolean;
	/** Return the raw body as a Buffer (file downloads). */
	binary?: boolean;
	returnFullResponse?: boolean;
	/**
	 * Milliseconds to wait for an answer. Defaults to the node's Options → Timeout
	 * (`options.timeout`, see `requestTimeoutOption`) when the node has one.
	 */
	timeout?: number;
}

/** GET/HEAD after a 5xx or a dropped connection: tries in all, and the first backoff. */
const IDEMPOTENT_TRIES = 3;
const BACKOFF_MS = 200;

/** What one node run needs on every request, read once (getCredentials is a DB read in n8n). */
export interface ResolvedAuth {
	type: SquadusCredentialType;
	credentials: ICredentialDataDecryptedObject;
	server: string;
	credentialId: string;
	credentialName: string;
}

const resolved = new WeakMap<object, Map<SquadusCredentialType, ResolvedAuth>>();

function isExecuteContext(context: SquadusContext): context is IExecuteFunctions {
	return typeof (context as IExecuteFunctions).getInputData === 'function';
}

/** getNodeParameter across contexts: only IExecuteFunctions takes an item index. */
function nodeParameter(context: SquadusContext, name: string, itemIndex: number, fallback: unknown) {
	if (isExecuteContext(context)) return context.getNodeParameter(name, itemIndex, fallback);
	return (context as ILoadOptionsFunctions).getNodeParameter(name, fallback);
}

/** The credential type selected by the node's Authentication parameter. */
export function getCredentialType(this: SquadusContext, itemIndex = 0): SquadusCredentialType {
	return credentialTypeFor(nodeParameter(this, 'authentication', itemIndex, 'password') as string);
}

/**
 * The credential of the current node run, decrypted once per run and reused by every
 * request of that run. Renewed sessions are written into this same object.
 */
export async function resolveAuth(
	this: SquadusContext,
	itemIndex = 0,
	refresh = false,
): Promise<ResolvedAuth> {
	const type = getCredentialType.call(this, itemIndex);
	let byType = resolved.get(this);
	if (!byType) resolved.set(this, (byType = new Map()));
	const cached = byType.get(type);
	if (cached && !refresh) return cached;
	const credentials = await this.getCredentials(type, itemIndex);
	const details = this.getNode().credentials?.[type];
	const auth: ResolvedAuth = {
		type,
		credentials,
		server: normalizeServerUrl(credentials.server as string),
		credentialId: details?.id ?? '',
		credentialName: details?.name ?? '',
	};
	byType.set(type, auth);
	return auth;
}

export async function getServerUrl(this: SquadusContext, itemIndex = 0): Promise<string> {
	return (await resolveAuth.call(this, itemIndex)).server;
}

function requestTimeout(context: SquadusContext, options: SquadusRequestOptions, itemIndex: number) {
	if (options.timeout) return options.timeout;
	const fromNode = Number(nodeParameter(context, 'options.timeout', itemIndex, 0));
	return fromNode > 0 ? fromNode : undefined;
}

/** Status and body of an HTTP error, whether n8n-core wrapped it in a NodeApiError or not. */
export function errorResponse(
	error: unknown,
): { status?: number; body?: unknown; headers?: IDataObject; raw: JsonObject } {
	const outer = error as JsonObject & { cause?: JsonObject };
	const raw = (
		outer instanceof NodeApiError && outer.cause && typeof outer.cause === 'object' ? outer.cause : outer
	) as JsonObject & { response?: { status?: number; data?: unknown; headers?: IDataObject } };
	return {
		status: raw.response?.status,
		body: raw.response?.data,
		headers: raw.response?.headers,
		raw,
	};
}

async function send(
	context: SquadusContext,
	auth: ResolvedAuth,
	request: IHttpRequestOptions,
	itemIndex: number,
): Promise<IN8nHttpFullResponse> {
	if (auth.type === 'squadusOAuth2Api') {
		return await sendWithOAuth2Session(context, auth, request, itemIndex);
	}
	if (auth.type === 'squadusApi') {
		// One login per expired session, shared by every request in flight (see session.ts).
		return await sendWithSession(context, auth, request, itemIndex);
	}
	// A personal access token cannot be renewed: a 401 is final. The decrypted data is handed
	// over, so n8n does not read the credential again for every request.
	return (await context.helpers.httpRequestWithAuthentication.call(context, auth.type, request, {
		credentialsDecrypted: {
			id: auth.credentialId,
			name: auth.credentialName,
			type: auth.type,
			data: auth.credentials,
		},
		preAuthenticationRetryStatusCode: [],
	})) as IN8nHttpFullResponse;
}

function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body) || body instanceof ArrayBuffer) {
		const text = Buffer.from(body as Buffer).toString('utf8');
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	return body;
}

/**
 * The one request function of the package. It picks the credential from the node's
 * Authentication parameter, builds the URL from the credential's server address, paces calls
 * by the server's rate-limit headers and waits out 429s (rateLimit.ts), retries reads after 5xx or a dropped connection (never a write that may have been
 * carried out), and turns HTTP errors and `success: false` answers into NodeApiErrors that
 * carry the server's message and nothing from the request.
 */
export async function squadusApiRequest(
	this: SquadusContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options: SquadusRequestOptions = {},
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<any> {
	const itemIndex = options.itemIndex ?? 0;
	const auth = await resolveAuth.call(this, itemIndex);
	const url = options.serverPath
		? `${auth.server}${endpoint.startsWith('/') ? '' : '/'}${endpoint}`
		: apiUrl(auth.server, endpoint);
	const timeout = requestTimeout(this, options, itemIndex);
	const idempotent = method === 'GET' || method === 'HEAD';

	const request: IHttpRequestOptions = {
		method,
		url,
		qs: options.qs,
		headers: { ...options.headers },
		json: !options.binary,
		returnFullResponse: true,
		// Every status comes back as a response. A 401 is an error only for the personal access
		// token (final); session.ts (Password) and oauth2.ts take it as an answer and renew.
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
		skipSslCertificateValidation: auth.credentials.ignoreSslIssues === true,
	};
	if (timeout) request.timeout = timeout;
	if (options.body !== undefined) request.body = options.body;
	if (options.binary) request.encoding = 'arraybuffer';

	const pace = paceFor(this, `${auth.type} ${auth.credentialId || auth.credentialName}`, method, url);
	const waited = { ms: 0 };
	let refusals = 0;
	for (let attempt = 1; ; attempt++) {
		let response: IN8nHttpFullResponse;
		await takeTurn(this, pace, waited, timeout ?? RATE_LIMIT_BUDGET_MS, { endpoint, itemIndex });
		try {
			response = await send(this, auth, request, itemIndex);
		} catch (error) {
			leaveTurn(pace);
			// Already explained (the credential's own checks): passed on unchanged.
			if (error instanceof NodeOperationError) throw asNodeError(this.getNode(), error);
			if (error instanceof SessionRefused) {
				throw sessionRefusedError(this.getNode(), parseBody(error.response.body), { endpoint, itemIndex });
			}
			const failure = errorResponse(error);
			if (failure.status) {
				throw httpError(this.getNode(), failure.status, parseBody(failure.body), {
					endpoint,
					itemIndex,
				});
			}
			const { raw } = failure;
			const network = typeof raw.code === 'string' || raw.isAxiosError === true;
			if (!network) {
				// An error we explained ourselves (e.g. a failed login): keep its words.
				const source = raw as unknown as { message?: string; description?: string };
				throw explainedError(
					this.getNode(),
					{ message: String(source.message ?? 'The request to Squadus failed'), description: source.description },
					itemIndex,
				);
			}
			if (idempotent && classifyNetworkError(raw) === 'drop' && attempt < IDEMPOTENT_TRIES) {
				await sleep(BACKOFF_MS * 2 ** (attempt - 1));
				continue;
			}
			throw explainedError(
				this.getNode(),
				explainNetworkError(raw, auth.server, method, timeout),
				itemIndex,
			);
		}

		const status = response.statusCode;
		if (status === 429) refusals++;
		const { headers, body: answer } = response;
		leaveTurn(pace, { statusCode: status, headers: headers as IDataObject, body: answer }, refusals);
		if (status === 429) {
			// the next turn waits for the window the server named, within the budget; refusals do
			// not use up the retries of reads
			attempt--;
			continue;
		}
		if (status >= 500 && idempotent && attempt < IDEMPOTENT_TRIES) {
			await sleep(BACKOFF_MS * 2 ** (attempt - 1));
			continue;
		}
		let body = response.body as unknown;
		if (status >= 400) {
			throw httpError(this.getNode(), status, parseBody(body), { endpoint, itemIndex, attempts: attempt });
		}
		if (!options.binary && typeof body === 'string' && body !== '') {
			const text = body;
			try {
				body = JSON.parse(text);
			} catch {
				throw explainedError(
					this.getNode(),
					{
						message: 'Squadus sent an answer that is not valid JSON',
						description: `The answer began with: ${text.slice(0, 120)}. Check the Server Address in the credential.`,
					},
					itemIndex,
				);
			}
		}
		if (body && typeof body === 'object' && (body as IDataObject).success === false) {
			throw httpError(this.getNode(), status, body, { endpoint, itemIndex });
		}
		if (options.binary || options.returnFullResponse) return { ...response, body };
		return body;
	}
}
