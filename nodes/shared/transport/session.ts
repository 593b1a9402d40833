import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import type { ResolvedAuth, SquadusContext } from './request';

/**
 * Password credential: one login per expired session, however many requests are in flight.
 *
 * n8n-core renews a session inside httpRequestWithAuthentication: on a 401 it calls the
 * credential's preAuthentication and sends the request again. It does so for each request
 * that saw the 401, so with Batching every item in flight logged in on its own. Here each
 * request is sent with n8n-core's renewal switched off and a 401 comes back as a response
 * (Squadus did not carry the request out, so sending it again is safe). The first request
 * that sees its session refused renews it for all: it is sent once more with an empty
 * session, which makes n8n-core log in first (preAuthentication on an empty expirable
 * field) and store the new session in the credential, so later executions reuse it. The
 * other requests wait for that renewal and are sent again with the new session; a request
 * that was refused a session older than the current one is simply sent again.
 */

const EXPIRABLE = 'authToken';

/** 401s one request takes (and is sent again after) before its 401 is final. */
const RENEWALS_PER_REQUEST = 5;
/** Logins in one renewal: the second covers a session expired again in the meantime. */
const LOGINS_PER_RENEWAL = 2;

/** Squadus refused a session it had just issued: the credential, not the session, is wrong. */
export class SessionRefused extends Error {
	constructor(readonly response: IN8nHttpFullResponse) {
		super('Squadus refused the session right after a new login');
		this.name = 'SessionRefused';
	}
}

interface SessionState {
	/**
	 * The renewal under way: resolves once the new session is in `auth.credentials` (after the
	 * renewing request's answer), rejects with the error of a failed login.
	 */
	renewal?: Promise<void>;
	/** A session Squadus refused right after its login, and the answer it gave. */
	refused?: { token: string; response: IN8nHttpFullResponse };
}

const states = new WeakMap<ResolvedAuth, SessionState>();

function stateOf(auth: ResolvedAuth): SessionState {
	let state = states.get(auth);
	if (!state) states.set(auth, (state = {}));
	return state;
}

function tokenOf(credentials: ICredentialDataDecryptedObject): string {
	const token = credentials[EXPIRABLE];
	return typeof token === 'string' ? token : '';
}

/**
 * One request through n8n-core, authenticated with `data`, without n8n-core's own renewal.
 * If the session in `data` is empty, n8n-core logs in first and writes the session into
 * `data` and into the stored credential.
 */
async function sendAs(
	context: SquadusContext,
	auth: ResolvedAuth,
	request: IHttpRequestOptions,
	data: ICredentialDataDecryptedObject,
): Promise<IN8nHttpFullResponse> {
	return (await context.helpers.httpRequestWithAuthentication.call(
		context,
		auth.type,
		// n8n-core writes the credential's headers into the options: a copy per attempt.
		{ ...request, headers: { ...request.headers }, ignoreHttpStatusErrors: true },
		{
			credentialsDecrypted: { id: auth.credentialId, name: auth.credentialName, type: auth.type, data },
			preAuthenticationRetryStatusCode: [],
		},
	)) as IN8nHttpFullResponse;
}

/**
 * Logs in once for every request waiting on `state.renewal`, using this request as the first
 * one sent with the new session, and returns its answer.
 */
async function renew(
	context: SquadusContext,
	auth: ResolvedAuth,
	request: IHttpRequestOptions,
	state: SessionState,
): Promise<IN8nHttpFullResponse> {
	let done!: () => void;
	let failed!: (error: unknown) => void;
	const renewal = new Promise<void>((resolve, reject) => {
		done = resolve;
		failed = reject;
	});
	// Waiting requests see a failed login through their own await; nobody else may be waiting.
	renewal.catch(() => undefined);
	state.renewal = renewal;
	try {
		for (let login = 1; ; login++) {
			const data: ICredentialDataDecryptedObject = { ...auth.credentials, [EXPIRABLE]: '' };
			const sent = sendAs(context, auth, request, data);
			// A failure is told to the waiting requests here and reaches this request's caller
			// (squadusApiRequest, which explains it) through the await below. Either the login
			// failed (no session: every waiting request fails with it), or the request failed
			// after the login (the session is good for the others).
			sent.catch((error: unknown) => {
				if (tokenOf(data)) {
					Object.assign(auth.credentials, data);
					done();
				} else failed(error);
			});
			const response = await sent;
			const token = tokenOf(data);
			if (token) Object.assign(auth.credentials, data);
			if (response.statusCode !== 401 || !token) {
				done();
				return response;
			}
			if (login >= LOGINS_PER_RENEWAL) {
				// Refused twice right after logging in: a wrong credential, not an expired session.
				state.refused = { token, response };
				done();
				throw new SessionRefused(response);
			}
		}
	} finally {
		if (state.renewal === renewal) state.renewal = undefined;
	}
}

/**
 * Sends a request with the Password credential's session, renewing an expired session once
 * for all requests in flight, and returns the answer (any status but a refused session).
 */
export async function sendWithSession(
	context: SquadusContext,
	auth: ResolvedAuth,
	request: IHttpRequestOptions,
): Promise<IN8nHttpFullResponse> {
	const state = stateOf(auth);
	for (let refusals = 0; ; ) {
		// Nothing is sent with a session that is being renewed, or without one.
		if (state.renewal) {
			// A failed login rejects this await: the request fails with the login's error.
			await state.renewal;
			continue;
		}
		const sentWith = tokenOf(auth.credentials);
		if (!sentWith) return await renew(context, auth, request, state);
		if (state.refused?.token === sentWith) throw new SessionRefused(state.refused.response);

		const response = await sendAs(context, auth, request, { ...auth.credentials });
		if (response.statusCode !== 401 || ++refusals > RENEWALS_PER_REQUEST) return response;
		// Renewed (or being renewed) while this request was under way: send it again with the
		// new session. Otherwise the session it was sent with has expired: renew it.
		if (tokenOf(auth.credentials) !== sentWith || state.renewal || state.refused?.token === sentWith) {
			continue;
		}
		return await renew(context, auth, request, state);
	}
}
