import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import type { ResolvedAuth, SquadusContext } from './types';

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
 *
 * The renewal is shared by every execution of the process that uses the same credential, not
 * only by the items of one node run: in n8n's queue mode a worker runs many executions at
 * once, and each would otherwise log in after an expiry. Before logging in, a request reads
 * the stored credential again: when another worker already logged in, its session is there
 * (n8n stores the result of the login in the credential) and is used instead. So an expiry
 * costs at most one login per process, usually one in all.
 */

const EXPIRABLE = 'authToken';

/** 401s one request takes (and is sent again after) before its 401 is final. */
const RENEWALS_PER_REQUEST = 5;
/** Logins in one renewal: the second covers a session expired again in the meantime. */
const LOGINS_PER_RENEWAL = 2;

/** Squadus refused a session it had just issued: the credential, not the session, is wrong. */
export class SessionRefused extends Error {
	constructor(readonly response: IN8nHttpFullResponse) {
		// never leaves the transport: request.ts turns it into a NodeApiError
		super('Squadus refused the session right after a new login');
	}
}

/** Sessions one credential's state remembers as refused (oldest forgotten first). */
const REFUSED_KEPT = 20;
/** Credentials whose state a process keeps (oldest forgotten first). */
const STATES_KEPT = 500;

interface SessionState {
	/** The newest session this process logged in with or read from the stored credential. */
	latest?: { authToken: string; sessionUserId: unknown };
	/** Sessions Squadus answered with a 401: never sent again, never adopted. */
	expired: Set<string>;
	/**
	 * The renewal under way: resolves once the new session is in `auth.credentials` (after the
	 * renewing request's answer), rejects with the error of a failed login.
	 */
	renewal?: Promise<void>;
	/** A session Squadus refused right after its login, and the answer it gave. */
	refused?: { token: string; response: IN8nHttpFullResponse };
}

const states = new Map<string, SessionState>();

/**
 * The process-wide state of one credential: by its id and what the session belongs to (an
 * edited server, username or password starts afresh).
 */
function stateOf(auth: ResolvedAuth): SessionState {
	const { server, user, password } = auth.credentials;
	const key = createHash('sha256')
		.update([auth.type, auth.credentialId, server, user, password].map(String).join('\n'))
		.digest('hex');
	let state = states.get(key);
	if (!state) {
		if (states.size >= STATES_KEPT) states.delete(states.keys().next().value as string);
		states.set(key, (state = { expired: new Set() }));
	}
	return state;
}

/** Forgets every session state, as a new process would start (tests). */
export function clearSessionStates(): void {
	states.clear();
}

function remember(state: SessionState, credentials: ICredentialDataDecryptedObject) {
	state.latest = { authToken: tokenOf(credentials), sessionUserId: credentials.sessionUserId };
}

function forget(state: SessionState, token: string) {
	state.expired.add(token);
	if (state.expired.size > REFUSED_KEPT)
		state.expired.delete(state.expired.values().next().value as string);
}

/**
 * Whether `auth` now holds a session that was not refused yet (so not the one a request was
 * just refused: that one is in `state.expired`, or is `state.refused`).
 */
function hasNewer(auth: ResolvedAuth, state: SessionState): boolean {
	const token = tokenOf(auth.credentials);
	return !!token && !state.expired.has(token);
}

/**
 * Takes the process's newest session when this run's is missing or refused (another
 * execution renewed it).
 */
function adoptLatest(auth: ResolvedAuth, state: SessionState) {
	const current = tokenOf(auth.credentials);
	const { latest } = state;
	// The latest session is never empty (only a login's or the stored credential's is kept).
	if (!latest || state.expired.has(latest.authToken)) return;
	if (!current || state.expired.has(current)) Object.assign(auth.credentials, latest);
}

/**
 * Takes the stored credential's session if another process renewed it; whether it did. The
 * session this request was refused is in `state.expired` by then.
 */
async function adoptStored(
	context: SquadusContext,
	auth: ResolvedAuth,
	state: SessionState,
	itemIndex: number,
): Promise<boolean> {
	let stored: ICredentialDataDecryptedObject;
	try {
		stored = await context.getCredentials(auth.type, itemIndex);
	} catch {
		return false; // the login below reports what is wrong
	}
	const token = tokenOf(stored);
	if (!token || state.expired.has(token)) return false;
	auth.credentials[EXPIRABLE] = token;
	auth.credentials.sessionUserId = stored.sessionUserId;
	remember(state, auth.credentials);
	return true;
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
			credentialsDecrypted: {
				id: auth.credentialId,
				name: auth.credentialName,
				type: auth.type,
				data,
			},
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
					remember(state, data);
					done();
				} else failed(error);
			});
			const response = await sent;
			const token = tokenOf(data);
			// Stryker disable next-line ConditionalExpression: equivalent, a login that returned has filled in a session, or n8n-core threw (docs/testing.md)
			if (token) {
				Object.assign(auth.credentials, data);
				remember(state, data);
			}
			if (response.statusCode !== 401 || !token) {
				done();
				return response;
			}
			forget(state, token);
			if (login >= LOGINS_PER_RENEWAL) {
				// Refused twice right after logging in: a wrong credential, not an expired session.
				state.refused = { token, response };
				done();
				throw new SessionRefused(response);
			}
		}
	} finally {
		// the only renewal of this state: a renewal starts only when none is under way
		state.renewal = undefined;
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
	itemIndex = 0,
): Promise<IN8nHttpFullResponse> {
	const state = stateOf(auth);
	for (let refusals = 0; ; ) {
		// Nothing is sent with a session that is being renewed, or without one.
		if (state.renewal) {
			// A failed login rejects this await: the request fails with the login's error.
			await state.renewal;
			adoptLatest(auth, state);
			continue;
		}
		adoptLatest(auth, state);
		const sentWith = tokenOf(auth.credentials);
		if (!sentWith) return await renew(context, auth, request, state);
		if (state.refused?.token === sentWith) throw new SessionRefused(state.refused.response);

		const response = await sendAs(context, auth, request, { ...auth.credentials });
		if (response.statusCode !== 401 || ++refusals > RENEWALS_PER_REQUEST) return response;
		if (state.refused?.token !== sentWith) forget(state, sentWith);
		// Renewed (or being renewed) while this request was under way, in this run or another
		// execution of this process: send it again with the new session.
		adoptLatest(auth, state);
		if (hasNewer(auth, state) || state.renewal || state.refused?.token === sentWith) {
			continue;
		}
		// Renewed by another process: its session is in the stored credential.
		if ((await adoptStored(context, auth, state, itemIndex)) || state.renewal) continue;
		return await renew(context, auth, request, state);
	}
}
