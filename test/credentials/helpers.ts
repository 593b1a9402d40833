import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { harnessLogs } from '../harness';
import type { Sandbox } from '../sandbox';

/** Authorizes through the sandbox's OAuth provider as n8n's "Connect" button does; returns oauthTokenData. */
export async function connectOAuth2(sandbox: Sandbox, loginHint = 'admin'): Promise<IDataObject> {
	const { oauth } = sandbox.fixtures;
	const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
	const authorize = new URL(oauth.authorizeUrl);
	authorize.search = new URLSearchParams({
		response_type: 'code',
		client_id: oauth.clientId,
		redirect_uri: redirectUri,
		scope: 'openid profile email',
		state: 'n8n',
		login_hint: loginHint,
	}).toString();
	const redirect = await fetch(authorize, { redirect: 'manual' });
	const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
	const token = await fetch(oauth.tokenUrl, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			authorization: `Basic ${Buffer.from(`${oauth.clientId}:${oauth.clientSecret}`).toString('base64')}`,
		},
		body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
	});
	return (await token.json()) as IDataObject;
}

export function oauth2Credentials(
	sandbox: Sandbox,
	grantType: 'authorizationCode' | 'clientCredentials',
	oauthTokenData?: IDataObject,
): ICredentialDataDecryptedObject {
	const { oauth } = sandbox.fixtures;
	const data: ICredentialDataDecryptedObject = {
		server: sandbox.url,
		serviceName: oauth.serviceName,
		grantType,
		authUrl: oauth.authorizeUrl,
		accessTokenUrl: oauth.tokenUrl,
		clientId: oauth.clientId,
		clientSecret: oauth.clientSecret,
		scope: 'openid profile email',
		authQueryParameters: '',
		authentication: 'header',
	};
	if (oauthTokenData) data.oauthTokenData = oauthTokenData;
	return data;
}

/** Fails when any secret the sandbox knows shows up in the given texts. */
export function expectNoSecrets(sandbox: Sandbox, ...texts: unknown[]): void {
	const haystack = texts
		.map((text) => (typeof text === 'string' ? text : JSON.stringify(text ?? null)))
		.join('\n');
	const leaked = sandbox.secrets().filter((secret) => secret.length >= 6 && haystack.includes(secret));
	expect(leaked).toEqual([]);
}

/** Everything a run exposes: output, errors (message, description, JSON), and its log lines. */
export function exposed(run: {
	json?: unknown;
	errors?: Record<string, unknown>;
	error?: unknown;
	logs?: string[];
}): unknown[] {
	const errors = Object.values(run.errors ?? {}).map((error) => {
		const e = error as { message?: string; description?: string; context?: unknown };
		return [e.message, e.description, e.context, JSON.stringify(error)];
	});
	return [run.json, errors, run.error ? JSON.stringify(run.error) : '', run.logs, harnessLogs];
}
