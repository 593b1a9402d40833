import type { IDataObject } from 'n8n-workflow';

import { currentOAuth2Session } from './oauth2';
import { resolveAuth, squadusApiRequest, type SquadusContext } from './request';

/** What the Realtime API's `login` method takes as `resume`, and whose it is. */
export interface ResumeLogin {
	token: string;
	userId: string;
	/** GET /me of the credential's user (username, for mentions) */
	me: IDataObject;
}

/**
 * The token for a Realtime API (DDP) `login` with `resume`, taken from the same session the
 * REST requests use: it reads `GET /me` through the transport first, which logs in (Password),
 * exchanges the provider's token (OAuth2) or renews an expired session exactly as for any other
 * request, and then hands out that session. A personal access token is its own resume token.
 * Call it again after Squadus refused the token: the REST call then sees the expired session
 * and renews it.
 */
export async function realtimeResumeLogin(this: SquadusContext): Promise<ResumeLogin> {
	const me = (await squadusApiRequest.call(this, 'GET', '/me')) as IDataObject;
	const auth = await resolveAuth.call(this);
	const { credentials } = auth;
	let token: unknown;
	let userId: unknown;
	if (auth.type === 'squadusTokenApi') {
		token = credentials.accessToken;
		userId = credentials.userId;
	} else if (auth.type === 'squadusApi') {
		token = credentials.authToken; // its user is the one /me answered for
	} else {
		const session = currentOAuth2Session(auth);
		token = session?.authToken;
		userId = session?.userId;
	}
	return { token: String(token ?? ''), userId: String(userId ?? me._id ?? ''), me };
}
