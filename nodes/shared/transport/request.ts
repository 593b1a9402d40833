import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
} from 'n8n-workflow';

import { credentialTypeFor, type SquadusCredentialType } from '../types';
import {
	asNodeError,
	errorResponse,
	classifyNetworkError,
	explainedError,
	explainNetworkError,
	httpError,
	sessionRefusedError,
} from './errors';
import { postWithoutSession } from './anonymous';
import { headerValueProblem } from './authenticate';
import { clock } from './clock';
import { oauth2SessionSecrets, sendWithOAuth2Session } from './oauth2';
import {
	CrossOriginRedirect,
	explainRedirect,
	sendWithinOrigin,
	signalOf,
	TooManyRedirects,
} from './origin';
import { leaveTurn, paceFor, RATE_LIMIT_BUDGET_MS, takeTurn, waitOutRateLimit } from './rateLimit';
import { credentialSecrets, Redactor } from './redact';
import { SessionRefused, sendWithSession } from './session';
import type { ResolvedAuth, SquadusContext, SquadusRequestOptions } from './types';
import { apiUrl, normalizeServerUrl, serverAddressProblem } from './url';

export { errorResponse };
export type { ResolvedAuth, SquadusContext, SquadusRequestOptions } from './types';

/** GET/HEAD after a 5xx or a dropped connection: tries in all, and the first backoff. */
const IDEMPOTENT_TRIES = 3;
const BACKOFF_MS = 200;

const resolved = new WeakMap<object, Map<SquadusCredentialType, ResolvedAuth>>();

function isExecuteContext(context: SquadusContext): context is IExecuteFunctions {
	return typeof (context as IExecuteFunctions).getInputData === 'function';
}

/** getNodeParameter across contexts: only IExecuteFunctions takes an item index. */
function nodeParameter(
	context: SquadusContext,
	name: string,
	itemIndex: number,
	fallback: unknown,
) {
	// Stryker disable next-line ConditionalExpression: equivalent, n8n fills in a list search's parameter defaults (docs/testing.md)
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
	const problem =
		serverAddressProblem(credentials.server) ??
		(type === 'squadusTokenApi'
			? headerValueProblem({
					'User ID': credentials.userId,
					'Personal Access Token': credentials.accessToken,
				})
			: undefined);
	if (problem) {
		throw new NodeOperationError(this.getNode(), problem, {
			itemIndex,
			description: 'Open the credential of this node and correct it.',
		});
	}
	// Stryker disable next-line OptionalChaining: equivalent, getCredentials has just succeeded, so the node has credentials (docs/testing.md)
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

const timeoutParameters = new WeakMap<object, string | undefined>();

/**
 * The parameter path of the running operation's Timeout option (its `OperationModule.timeout`),
 * declared by the router for the node run: every request of the run then waits that long at
 * most. Without a declaration, requests have no deadline of their own.
 */
export function declareTimeoutParameter(context: SquadusContext, path: string | undefined): void {
	timeoutParameters.set(context, path);
}

/** Milliseconds to wait for an answer: the running operation's Timeout option, if it has one. */
function requestTimeout(context: SquadusContext, itemIndex: number) {
	const path = timeoutParameters.get(context);
	if (!path) return undefined;
	const fromNode = Number(nodeParameter(context, path, itemIndex, 0));
	return fromNode > 0 ? fromNode : undefined;
}

/**
 * The context with a deadline: n8n-core gives httpRequestWithAuthentication the execution's
 * cancel signal (getExecutionCancelSignal), so the deadline is handed over the same way,
 * combined with that signal. httpRequest calls take it as `abortSignal` (signalOf).
 */
function withDeadline(context: SquadusContext, deadline: AbortSignal | undefined): SquadusContext {
	if (!deadline) return context;
	const cancel = signalOf(context);
	const signal = cancel ? AbortSignal.any([cancel, deadline]) : deadline;
	return Object.create(context, {
		getExecutionCancelSignal: { value: () => signal },
	}) as SquadusContext;
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

/** Every secret known to a request of this credential: the redaction list for its errors. */
export function redactorFor(auth: ResolvedAuth, extra: unknown[] = []): Redactor {
	return new Redactor([
		...credentialSecrets(auth.credentials),
		...oauth2SessionSecrets(auth),
		...extra,
	]);
}

/**
 * The one request function of the package. It picks the credential from the node's
 * Authentication parameter, builds the URL from the credential's server address, sends only
 * to that origin (origin.ts), paces calls by the server's rate-limit headers and waits out
 * 429s (rateLimit.ts), retries reads after 5xx or a
 * dropped connection (never a write that may have been carried out), ends each try at the
 * Timeout (headers and body), and turns HTTP errors and `success: false` answers into
 * NodeApiErrors that carry the server's message and nothing from the request, with every
 * known secret redacted (redact.ts).
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
	try {
		return await requestWithRetries(this, auth, method, endpoint, options);
	} catch (error) {
		throw redactorFor(auth, options.secrets).error(error);
	}
}

async function requestWithRetries(
	context: SquadusContext,
	auth: ResolvedAuth,
	method: IHttpRequestMethods,
	endpoint: string,
	options: SquadusRequestOptions,
): Promise<unknown> {
	const itemIndex = options.itemIndex ?? 0;
	const node = context.getNode();
	const url = options.serverPath
		? `${auth.server}${endpoint.startsWith('/') ? '' : '/'}${endpoint}`
		: apiUrl(auth.server, endpoint);
	const timeout = requestTimeout(context, itemIndex);
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
		// Stryker disable next-line BooleanLiteral: equivalent, with `ignore: false` n8n-core returns the 401 it would throw, and both reach the same httpError (docs/testing.md)
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
		skipSslCertificateValidation: auth.credentials.ignoreSslIssues === true,
		// per request, and for an OAuth2 exchange before it (undefined: none)
		timeout,
		body: options.body,
	};
	if (options.binary) request.encoding = 'arraybuffer';

	const pace = paceFor(
		context,
		`${auth.type} ${auth.credentialId || auth.credentialName}`,
		method,
		url,
	);
	const waited = { ms: 0 };
	let refusals = 0;
	for (let attempt = 1; ; attempt++) {
		// Timeout is a deadline for the whole answer, headers and body, not an idle timer.
		const deadline = timeout ? AbortSignal.timeout(timeout) : undefined;
		const bounded = withDeadline(context, deadline);
		let response: IN8nHttpFullResponse;
		await takeTurn(context, pace, waited, timeout ?? RATE_LIMIT_BUDGET_MS, { endpoint, itemIndex });
		try {
			response = await sendWithinOrigin(
				async (hop) =>
					await send(bounded, auth, { ...hop, abortSignal: signalOf(bounded) }, itemIndex),
				request,
			);
		} catch (error) {
			leaveTurn(pace);
			// Already explained (the credential's own checks): passed on unchanged.
			if (error instanceof NodeOperationError) throw asNodeError(node, error);
			if (error instanceof CrossOriginRedirect || error instanceof TooManyRedirects) {
				throw explainedError(node, explainRedirect(error), itemIndex);
			}
			if (error instanceof SessionRefused) {
				throw sessionRefusedError(node, parseBody(error.response.body), { endpoint, itemIndex });
			}
			const failure = errorResponse(error);
			const { raw } = failure;
			const network = typeof raw.code === 'string' || raw.isAxiosError === true;
			const kind = deadline?.aborted ? 'timeout' : network ? classifyNetworkError(raw) : undefined;
			// A connection cut in the middle of an answer is a dropped connection, whatever status
			// its headers said.
			if (failure.status && kind !== 'drop' && kind !== 'timeout') {
				throw httpError(node, failure.status, parseBody(failure.body), { endpoint, itemIndex });
			}
			if (kind === undefined) {
				// An error we explained ourselves (e.g. a failed login): keep its words.
				const source = raw as unknown as { message?: string; description?: string };
				throw explainedError(
					node,
					{
						message: String(source.message ?? 'The request to Squadus failed'),
						description: source.description,
					},
					itemIndex,
				);
			}
			if (idempotent && kind === 'drop' && attempt < IDEMPOTENT_TRIES) {
				await clock.sleep(BACKOFF_MS * 2 ** (attempt - 1));
				continue;
			}
			throw explainedError(
				node,
				explainNetworkError(
					kind === 'timeout' ? { ...raw, code: 'ETIMEDOUT' } : raw,
					auth.server,
					method,
					timeout,
				),
				itemIndex,
			);
		}

		const status = response.statusCode;
		if (status === 429) refusals++;
		const { headers, body: answer } = response;
		leaveTurn(
			pace,
			{ statusCode: status, headers: headers as IDataObject, body: answer },
			refusals,
		);
		if (status === 429) {
			// the next turn waits for the window the server named, within the budget; refusals do
			// not use up the retries of reads
			attempt--;
			continue;
		}
		if (status >= 500 && idempotent && attempt < IDEMPOTENT_TRIES) {
			await clock.sleep(BACKOFF_MS * 2 ** (attempt - 1));
			continue;
		}
		let body = response.body as unknown;
		if (status >= 400) {
			throw httpError(node, status, parseBody(body), { endpoint, itemIndex, attempts: attempt });
		}
		if (!options.binary && typeof body === 'string' && body !== '') {
			const text = body;
			try {
				body = JSON.parse(text);
			} catch {
				throw explainedError(
					node,
					{
						message: 'Squadus sent an answer that is not valid JSON',
						// Redacted before it is cut, so no part of a secret is shown either.
						description: `The answer began with: ${redactorFor(auth, options.secrets).text(text).slice(0, 120)}. Check the Server Address in the credential.`,
					},
					itemIndex,
				);
			}
		}
		if (body && typeof body === 'object' && (body as IDataObject).success === false) {
			throw httpError(node, status, body, { endpoint, itemIndex });
		}
		if (options.binary) return { ...response, body };
		return body;
	}
}

/**
 * A POST without the credential's authentication, for the Auth node's login calls: the
 * credential supplies only the server address. The same rules as every request apply: one
 * origin, the Timeout as a deadline, 429s waited out, no secret in an error. Returns the
 * answer whatever its status.
 */
export async function squadusAnonymousRequest(
	this: IExecuteFunctions,
	endpoint: string,
	body: IDataObject,
	{ itemIndex, secrets = [] }: { itemIndex: number; secrets?: unknown[] },
): Promise<IN8nHttpFullResponse> {
	const auth = await resolveAuth.call(this, itemIndex);
	const timeout = requestTimeout(this, itemIndex);
	const redactor = redactorFor(auth, secrets);
	for (let attempt = 1; ; attempt++) {
		const deadline = timeout ? AbortSignal.timeout(timeout) : undefined;
		let response: IN8nHttpFullResponse;
		try {
			// Login calls must not carry the credential's session headers.
			response = await postWithoutSession(this, auth, endpoint, body, {
				itemIndex,
				timeout,
				signal: signalOf(withDeadline(this, deadline)),
				timedOut: () => deadline?.aborted === true,
			});
		} catch (error) {
			throw redactor.error(error);
		}
		if (!(await waitOutRateLimit(response, attempt))) return response;
	}
}
