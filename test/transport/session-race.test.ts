// The Password credential's renewal race, played out step by step with a stand-in for n8n-core
// (extra to the engine tests in session-renewal.test.ts and session-sharing.test.ts, which cannot
// order two answers exactly): a request sent with a session that another execution has already
// renewed while it was under way. It must be sent again with the new session, with no login and
// without reading the stored credential (a database read in n8n).
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { clearSessionStates, sendWithSession } from '../../nodes/shared/transport/session';
import type { ResolvedAuth, SquadusContext } from '../../nodes/shared/transport/types';

interface Sent {
	token: string;
	status: number;
}

/** n8n-core and Squadus in one: a login issues session-N, and only the newest session is valid. */
function standIn() {
	const server = {
		logins: 0,
		loginAttempts: 0,
		reads: 0,
		sent: [] as Sent[],
		valid: '',
		loginFails: false,
		/** the request sent right after a successful login fails with this, once */
		failAfterLogin: undefined as string | undefined,
		/** reading the stored credential fails (a database error in n8n) */
		readFails: false,
	};
	let loginGate: Promise<void> | undefined;
	const stored: ICredentialDataDecryptedObject = {
		server: 'https://squadus.test',
		user: 'olga',
		password: 'Pw-3f9a1c',
		authToken: 'session-0',
		sessionUserId: 'u1',
	};
	let hold: Promise<void> | undefined;
	const context = {
		getCredentials: async () => {
			server.reads++;
			if (server.readFails) throw new Error('could not read the credential');
			return { ...stored };
		},
		helpers: {
			httpRequestWithAuthentication: async (
				_type: string,
				_request: IHttpRequestOptions,
				extra: { credentialsDecrypted: { data: ICredentialDataDecryptedObject } },
			): Promise<IN8nHttpFullResponse> => {
				const data = extra.credentialsDecrypted.data;
				if (!data.authToken) {
					// n8n-core: preAuthentication on an empty session logs in and stores the result
					server.loginAttempts++;
					if (loginGate) await loginGate;
					if (server.loginFails) throw new Error('Squadus is down for maintenance');
					server.logins++;
					server.valid = `session-${server.logins}`;
					data.authToken = server.valid;
					stored.authToken = server.valid;
					const failure = server.failAfterLogin;
					server.failAfterLogin = undefined;
					if (failure) throw new Error(failure);
				}
				const token = data.authToken as string;
				const status = token === server.valid ? 200 : 401;
				const answer = hold;
				hold = undefined;
				if (answer) await answer;
				server.sent.push({ token, status });
				return { statusCode: status, headers: {}, body: {} };
			},
		},
	} as unknown as SquadusContext;
	/** The next request's answer waits until the returned function is called. */
	const holdNext = () => {
		let release!: () => void;
		hold = new Promise<void>((resolve) => (release = resolve));
		return release;
	};
	/** Logins wait until the returned function is called. */
	const gateLogin = () => {
		let release!: () => void;
		loginGate = new Promise<void>((resolve) => (release = resolve));
		return release;
	};
	const execution = (): ResolvedAuth => ({
		type: 'squadusApi',
		credentials: { ...stored },
		server: 'https://squadus.test',
		credentialId: 'cred-1',
		credentialName: 'Squadus',
	});
	return { server, context, holdNext, gateLogin, execution };
}

const request: IHttpRequestOptions = { method: 'GET', url: 'https://squadus.test/api/v1/me' };

beforeEach(() => clearSessionStates());

describe('a session renewed while a request was under way', () => {
	it('is taken from the renewal, without a login or a read of the stored credential', async () => {
		const { server, context, holdNext, execution } = standIn();
		// session-0 has expired on the server. Execution B's request goes first and its 401 is
		// held back; execution A's request is refused and renews the session.
		const release = holdNext();
		const b = sendWithSession(context, execution(), request);
		const a = await sendWithSession(context, execution(), request);
		expect(a.statusCode).toBe(200);
		expect(server).toMatchObject({ logins: 1, reads: 1 });
		release();
		expect((await b).statusCode).toBe(200);
		expect(server.sent).toEqual([
			{ token: 'session-0', status: 401 }, // A
			{ token: 'session-1', status: 200 }, // A, after its login
			{ token: 'session-0', status: 401 }, // B's answer, held back
			{ token: 'session-1', status: 200 }, // B, sent again with A's session
		]);
		expect(server).toMatchObject({ logins: 1, reads: 1 });
	});

	it('a second expiry after the renewal is renewed again, once', async () => {
		const { server, context, execution } = standIn();
		const first = await sendWithSession(context, execution(), request);
		expect(first.statusCode).toBe(200);
		server.valid = 'revoked';
		const second = await sendWithSession(context, execution(), request);
		expect(second.statusCode).toBe(200);
		expect(server.logins).toBe(2);
		expect(server.sent.map((sent) => sent.status)).toEqual([401, 200, 401, 200]);
	});

	it("a run without a session logs in, rather than take the process's newest one that was refused", async () => {
		const { server, context, execution } = standIn();
		expect((await sendWithSession(context, execution(), request)).statusCode).toBe(200);
		// session-1 is revoked and the renewal's login fails: the newest session known is refused
		server.valid = 'revoked';
		server.loginFails = true;
		await expect(sendWithSession(context, execution(), request)).rejects.toThrow(
			'Squadus is down for maintenance',
		);
		server.loginFails = false;
		server.sent.length = 0;
		const fresh = { ...execution(), credentials: { ...execution().credentials, authToken: '' } };
		expect((await sendWithSession(context, fresh, request)).statusCode).toBe(200);
		expect(server.sent).toEqual([{ token: 'session-2', status: 200 }]);
	});
});

/** Lets every pending step of the requests in flight run. */
async function settle() {
	for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe('one renewal for the requests in flight', () => {
	it("a failed login fails every request waiting on it with the login's error, and is tried once", async () => {
		const { server, context, gateLogin, execution } = standIn();
		server.valid = 'revoked'; // session-0 has expired
		server.loginFails = true;
		const release = gateLogin();
		const a = sendWithSession(context, execution(), request).catch((error: Error) => error);
		const b = sendWithSession(context, execution(), request).catch((error: Error) => error);
		await settle();
		expect(server.loginAttempts).toBe(1); // A logs in, B waits for it
		release();
		const errors = await Promise.all([a, b]);
		expect(errors.map((error) => (error as Error).message)).toEqual([
			'Squadus is down for maintenance',
			'Squadus is down for maintenance',
		]);
		expect(server.loginAttempts).toBe(1);
		expect(server.sent).toEqual([
			{ token: 'session-0', status: 401 },
			{ token: 'session-0', status: 401 },
		]);
	});

	it('a login that worked serves the waiting requests, even when the request that logged in then failed', async () => {
		const { server, context, gateLogin, execution } = standIn();
		server.valid = 'revoked';
		server.failAfterLogin = 'socket hang up';
		const release = gateLogin();
		const a = sendWithSession(context, execution(), request).catch((error: Error) => error);
		const b = sendWithSession(context, execution(), request);
		await settle();
		release();
		expect(((await a) as Error).message).toBe('socket hang up');
		expect((await b).statusCode).toBe(200);
		expect(server).toMatchObject({ logins: 1, loginAttempts: 1 });
		expect(server.sent.at(-1)).toEqual({ token: 'session-1', status: 200 });
	});
});

it('a stored credential that cannot be read is passed over: the request logs in and goes through', async () => {
	const { server, context, execution } = standIn();
	server.valid = 'revoked'; // session-0 has expired
	server.readFails = true;
	const response = await sendWithSession(context, execution(), request);
	expect(response.statusCode).toBe(200);
	expect(server).toMatchObject({ reads: 1, logins: 1 });
	expect(server.sent).toEqual([
		{ token: 'session-0', status: 401 },
		{ token: 'session-1', status: 200 },
	]);
});

describe('whose session it is', () => {
	it.each([
		['password', { password: 'Pw-new-77e1' }],
		['username', { user: 'olga.new' }],
		['server address', { server: 'https://squadus2.test' }],
	])('a credential with an edited %s logs in afresh, never taking the old session', async (_field, edit) => {
		const { server, context, execution } = standIn();
		const before = await sendWithSession(context, execution(), request);
		expect(before.statusCode).toBe(200);
		expect(server.logins).toBe(1);
		// the edited credential, its session field emptied (as n8n does for an expirable field)
		const edited = execution();
		Object.assign(edited.credentials, edit, { authToken: '' });
		await sendWithSession(context, edited, request);
		expect(server.logins).toBe(2);
		expect(server.sent.at(-1)).toEqual({ token: 'session-2', status: 200 });
	});

	it('another credential (another ID) with the same login logs in on its own', async () => {
		const { server, context, execution } = standIn();
		await sendWithSession(context, execution(), request);
		const other = { ...execution(), credentialId: 'cred-2' };
		other.credentials.authToken = '';
		await sendWithSession(context, other, request);
		expect(server.logins).toBe(2);
	});

	it("the same credential in a later execution takes the process's newest session, without a login", async () => {
		const { server, context, execution } = standIn();
		await sendWithSession(context, execution(), request);
		const later = execution();
		later.credentials.authToken = '';
		await sendWithSession(context, later, request);
		expect(server.logins).toBe(1);
		expect(server.sent.at(-1)).toEqual({ token: 'session-1', status: 200 });
	});
});
