import { createHash } from 'crypto';
import {
	NodeApiError,
	type IDataObject,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

import { postWithoutSession } from './anonymous';
import { clock } from './clock';
import { explainedError, serverText } from './errors';
import { methodCallLoginBody, readLoginAnswer, refusedAsInvalid } from './login';
import { CrossOriginRedirect, sendWithinOrigin, signalOf, TooManyRedirects } from './origin';
import type { ResolvedAuth, SquadusContext } from './types';
import { apiUrl } from './url';

/**
 * OAuth2: the provider's access token is exchanged for a Squadus session
 * (`POST /method.callAnon/login`, manual 3.1.3), which then authenticates every call with
 * X-Auth-Token / X-User-Id. Sessions are kept per access token, across executions; when
 * Squadus no longer accepts the provider's token, n8n-core refreshes it (and stores it in
 * the credential), and the new token is exchanged again.
 *
 * One exchange at a time per token in a process: executions that need the same session while
 * it is being exchanged (after an expiry, or at start) wait for it instead of exchanging the
 * token again. The session itself is not stored in the credential, so each process (each
 * queue-mode worker) exchanges the token once.
 */

interface Session {
	authToken: string;
	userId: string;
}

const SESSIONS_KEPT = 500;
const sessions = new Map<string, Session>();
/** Servers that refused the manual's flat exchange body: they get Rocket.Chat's envelope first. */
const envelopeServers = new Set<string>();
/** Exchanges under way, by session key (or by credential while it has no token yet). */
const exchanges = new Map<string, Promise<Session>>();

const TYPE = 'squadusOAuth2Api';

function accessTokenOf(auth: ResolvedAuth): string | undefined {
	const data = auth.credentials.oauthTokenData as IDataObject | undefined;
	// Stryker disable next-line OptionalChaining: equivalent in n8n, which gives an OAuth2 credential `oauthTokenData: {}` before it is connected (docs/testing.md)
	const token = data?.access_token;
	return typeof token === 'string' && token ? token : undefined;
}

function sessionKey(auth: ResolvedAuth, accessToken: string): string {
	return createHash('sha256')
		.update(`${auth.server}\n${String(auth.credentials.serviceName)}\n${accessToken}`)
		.digest('hex');
}

/** Seconds the provider's token still lives (the manual requires `expiresIn`). */
function expiresIn(auth: ResolvedAuth): number {
	const data = (auth.credentials.oauthTokenData ?? {}) as IDataObject;
	const expiresAt = Number(data.n8n_expires_at);
	if (Number.isFinite(expiresAt) && expiresAt > 0) {
		return Math.max(0, Math.round((expiresAt - clock.now()) / 1000));
	}
	const seconds = Number(data.expires_in);
	return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 3600;
}

type Exchange = { session: Session } | { rejected: { status: number; body: unknown } };

/** Reads both the manual's answer (`data.authToken`) and Rocket.Chat's method-call envelope. */
function readExchange(status: number, body: unknown): Exchange {
	const answer = readLoginAnswer(status, body);
	if ('session' in answer) {
		const { authToken, userId } = answer.session;
		return { session: { authToken, userId } };
	}
	return { rejected: answer.refused };
}

async function exchange(
	context: SquadusContext,
	auth: ResolvedAuth,
	accessToken: string,
	timeout: number | undefined,
	itemIndex: number,
): Promise<Exchange> {
	const loginRequest = {
		serviceName: auth.credentials.serviceName,
		accessToken,
		expiresIn: expiresIn(auth),
	} as IDataObject;
	// The exchange carries the provider's token in its body, not as the credential's header.
	const send = async (body: IDataObject): Promise<IN8nHttpFullResponse> =>
		await postWithoutSession(context, auth, '/method.callAnon/login', body, {
			itemIndex,
			timeout,
			signal: signalOf(context),
			repeatable: true,
		});
	// The manual's flat body first; Rocket.Chat refuses it as invalid and takes its envelope
	// (remembered per server, so each later exchange is one request).
	let response: IN8nHttpFullResponse | undefined;
	if (!envelopeServers.has(auth.server)) {
		response = await send(loginRequest);
		if (refusedAsInvalid(response.statusCode, response.body)) {
			if (envelopeServers.size >= SESSIONS_KEPT) envelopeServers.clear();
			envelopeServers.add(auth.server);
			response = undefined;
		}
	}
	response ??= await send(methodCallLoginBody(loginRequest));
	const result = readExchange(response.statusCode, response.body);
	if ('rejected' in result && ![400, 401, 403].includes(result.rejected.status)) {
		const { text } = serverText(result.rejected.body);
		throw explainedError(
			context.getNode(),
			{
				message: text ?? `Squadus answered the OAuth login with HTTP ${result.rejected.status}`,
				description:
					'The exchange of the OAuth2 token for a Squadus session failed. Check the Server Address in the credential.',
			},
			itemIndex,
		);
	}
	return result;
}

/**
 * n8n-core's OAuth2 client, which sends the refresh token and the client secret, follows the
 * token endpoint's redirects by itself. Before it is asked to, the endpoint is tried without
 * any secret (an empty POST, redirects off): one that redirects to another origin is refused.
 */
async function checkTokenEndpoint(context: SquadusContext, auth: ResolvedAuth, itemIndex: number) {
	const url = String(auth.credentials.accessTokenUrl ?? '');
	if (!/^https?:\/\//i.test(url)) return;
	// An unreachable endpoint is left to n8n-core's refresh, which reports it.
	const refused = await sendWithinOrigin(
		async (hop) => (await context.helpers.httpRequest(hop)) as IN8nHttpFullResponse,
		{
			method: 'POST',
			url,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			skipSslCertificateValidation: auth.credentials.ignoreSslIssues === true,
			abortSignal: signalOf(context),
		},
	).then(
		() => undefined,
		(error: unknown) =>
			error instanceof CrossOriginRedirect || error instanceof TooManyRedirects ? error : undefined,
	);
	if (!refused) return;
	const explained =
		refused instanceof CrossOriginRedirect
			? {
					message: `The OAuth2 provider's Access Token URL redirects to another server (${refused.to})`,
					description: `n8n did not ask for a new token, so no refresh token or client secret was sent there. If ${refused.to} is your provider's token endpoint, enter its address as the Access Token URL in the credential.`,
				}
			: {
					message: "The OAuth2 provider's Access Token URL redirects in a loop",
					description:
						"n8n did not ask for a new token. Check the Access Token URL in the credential: it must be the provider's token endpoint itself.",
				};
	throw explainedError(context.getNode(), explained, itemIndex);
}

/**
 * Lets n8n-core refresh the provider's token (or, for Client Credentials without a token yet,
 * fetch one) and store it in the credential.
 */
async function renewProviderToken(context: SquadusContext, auth: ResolvedAuth, itemIndex: number) {
	await checkTokenEndpoint(context, auth, itemIndex);
	const helpers = context.helpers as typeof context.helpers & {
		refreshOAuth2Token?: (type: string) => Promise<IDataObject>;
	};
	try {
		if (accessTokenOf(auth) && typeof helpers.refreshOAuth2Token === 'function') {
			const tokenData = await helpers.refreshOAuth2Token.call(context, TYPE);
			auth.credentials.oauthTokenData = { ...(tokenData as IDataObject) };
			return;
		}
		// requestOAuth2 fetches a missing Client Credentials token, and refreshes an expired one
		// when Squadus answers 401 (it does: the provider's token is no Squadus session). Both
		// are stored in the credential; the answer itself does not matter.
		await context.helpers.httpRequestWithAuthentication
			.call(context, TYPE, {
				method: 'GET',
				url: apiUrl(auth.server, '/me'),
				json: true,
				// The provider's token goes only to the Server Address.
				disableFollowRedirect: true,
				skipSslCertificateValidation: auth.credentials.ignoreSslIssues === true,
			})
			.catch(() => undefined);
		auth.credentials = await context.getCredentials(TYPE, itemIndex);
	} catch (error) {
		const reason = (error as Error).message;
		throw explainedError(
			context.getNode(),
			{
				message: 'Could not get a new access token from the OAuth2 provider',
				description: `${reason}. Open the credential and reconnect it (for Client Credentials: check the Client ID, Client Secret and Access Token URL).`,
			},
			itemIndex,
		);
	}
}

async function newSession(
	context: SquadusContext,
	auth: ResolvedAuth,
	timeout: number | undefined,
	itemIndex: number,
): Promise<Session> {
	let accessToken = accessTokenOf(auth);
	let result = accessToken
		? await exchange(context, auth, accessToken, timeout, itemIndex)
		: undefined;
	if (!result || 'rejected' in result) {
		// No token yet (Client Credentials), or the provider's token expired or was revoked:
		// get a new one and exchange it, once.
		await renewProviderToken(context, auth, itemIndex);
		accessToken = accessTokenOf(auth);
		if (accessToken) result = await exchange(context, auth, accessToken, timeout, itemIndex);
	}
	if (!accessToken || !result) {
		throw explainedError(
			context.getNode(),
			{
				message: 'The OAuth2 credential has no access token',
				description: 'Open the credential and connect it to your account.',
			},
			itemIndex,
		);
	}
	if ('rejected' in result) {
		const { text, errorType } = serverText(result.rejected.body);
		throw new NodeApiError(context.getNode(), { errorType: errorType ?? null } as JsonObject, {
			message: text ?? 'Squadus did not accept the OAuth2 access token',
			description: `Squadus refused to exchange the provider's token for a session, even after the token was refreshed. Check the OAuth Service Name ("${String(auth.credentials.serviceName)}") against the OAuth service registered in Squadus, and that the Authorization and Access Token URLs point to the provider Squadus trusts.`,
			httpCode: String(result.rejected.status),
			itemIndex,
		});
	}
	if (sessions.size >= SESSIONS_KEPT) sessions.delete(sessions.keys().next().value as string);
	sessions.set(sessionKey(auth, accessToken), result.session);
	return result.session;
}

async function session(
	context: SquadusContext,
	auth: ResolvedAuth,
	timeout: number | undefined,
	itemIndex: number,
	stale?: Session,
): Promise<Session> {
	const accessToken = accessTokenOf(auth);
	const key = accessToken
		? sessionKey(auth, accessToken)
		: `no token\n${auth.credentialId}\n${sessionKey(auth, String(auth.credentials.clientId))}`;
	const cached = accessToken ? sessions.get(key) : undefined;
	// a session Squadus ended was taken out of `sessions` (sendWithOAuth2Session)
	if (cached) return cached;
	const pending = exchanges.get(key);
	if (pending) {
		const shared = await pending.catch(() => undefined);
		if (shared && shared !== stale) {
			// the provider token it was exchanged from is in the stored credential now
			if (!accessToken) auth.credentials = await context.getCredentials(TYPE, itemIndex);
			return shared;
		}
	}
	const own = newSession(context, auth, timeout, itemIndex);
	exchanges.set(key, own);
	try {
		return await own;
	} finally {
		// Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent in effect, a finished exchange left in the map holds the session `sessions` holds too (docs/testing.md)
		if (exchanges.get(key) === own) exchanges.delete(key);
	}
}

/** Sends a request with the Squadus session of the credential's OAuth2 token. */
export async function sendWithOAuth2Session(
	context: SquadusContext,
	auth: ResolvedAuth,
	request: IHttpRequestOptions,
	itemIndex: number,
): Promise<IN8nHttpFullResponse> {
	const withSession = ({ authToken, userId }: Session): IHttpRequestOptions => ({
		...request,
		headers: { ...request.headers, 'X-Auth-Token': authToken, 'X-User-Id': userId },
		ignoreHttpStatusErrors: true,
	});
	const current = await session(context, auth, request.timeout, itemIndex);
	// The session headers are set here, after the exchange above.
	const response = (await context.helpers.httpRequest(
		withSession(current),
	)) as IN8nHttpFullResponse;
	if (response.statusCode !== 401) return response;
	// The Squadus session ended: forget it and exchange the token again, once.
	for (const [key, value] of sessions) if (value === current) sessions.delete(key);
	const renewed = await session(context, auth, request.timeout, itemIndex, current);
	return (await context.helpers.httpRequest(withSession(renewed))) as IN8nHttpFullResponse;
}

/** The Squadus session exchanged for the credential's current access token, if any. */
export function currentOAuth2Session(auth: ResolvedAuth): Session | undefined {
	const accessToken = accessTokenOf(auth);
	return accessToken ? sessions.get(sessionKey(auth, accessToken)) : undefined;
}

/** The Squadus session of the credential's current access token, for redaction. */
export function oauth2SessionSecrets(auth: ResolvedAuth): unknown[] {
	// none for other credentials (the Redactor skips what is not a string)
	return [currentOAuth2Session(auth)?.authToken];
}

/** Forgets every exchanged session (tests). */
export function clearOAuth2Sessions(): void {
	sessions.clear();
	envelopeServers.clear();
	exchanges.clear();
}
