import {
	UserError,
	type IHttpRequestOptions,
	type ICredentialDataDecryptedObject,
	type ICredentialTestRequest,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestHelper,
	type IN8nHttpFullResponse,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import {
	ignoreSslIssuesProperty,
	meTestRequest,
	serverAddressProperty,
} from '../nodes/shared/descriptions/credentials';
import { headerValueProblem, withSquadusHeaders } from '../nodes/shared/transport/authenticate';

import { totp } from '../nodes/shared/helpers/totp';
import {
	explainNetworkError,
	serverText,
	type Explanation,
} from '../nodes/shared/transport/errors';
import {
	CrossOriginRedirect,
	explainRedirect,
	sendWithinOrigin,
	TooManyRedirects,
} from '../nodes/shared/transport/origin';
import { waitOutRateLimit } from '../nodes/shared/transport/rateLimit';
import { credentialSecrets, Redactor } from '../nodes/shared/transport/redact';
import { apiUrl, normalizeServerUrl, serverAddressProblem } from '../nodes/shared/transport/url';

/** Why Squadus refused a password login, in words that say what to change. */
function explainLoginFailure(
	status: number,
	answer: IDataObject,
	credentials: ICredentialDataDecryptedObject,
): Explanation {
	const { text, errorType } = serverText(answer);
	const secondFactor = credentials.secondFactor;
	if (errorType === 'totp-required') {
		return secondFactor === 'code'
			? {
					message: 'This Squadus account needs a one-time code, and the Code field is empty',
					description:
						'Enter a current code, or choose "TOTP Secret" so n8n computes a code at each login.',
				}
			: {
					message:
						'This Squadus account uses two-factor authentication: choose a Second Factor in the credential',
					description:
						'Set Second Factor to "TOTP Secret" and paste the base32 secret of the account (n8n then computes a code at each login), or to "One-Time Code" for a single login.',
				};
	}
	if (errorType === 'totp-invalid') {
		return secondFactor === 'totpSecret'
			? {
					message: 'Squadus rejected the code computed from the TOTP secret',
					description:
						"Check the TOTP Secret (the base32 key shown when two-factor authentication was set up) and that the n8n server's clock is right.",
				}
			: {
					message: 'Squadus rejected the one-time code',
					description:
						'A code is valid once and for about 30 seconds: enter a fresh one, or choose "TOTP Secret" so n8n computes it.',
				};
	}
	if (errorType === 'error-user-is-not-activated') {
		return {
			message: 'The Squadus account is deactivated',
			description: 'Ask a Squadus administrator to activate it.',
		};
	}
	if (status === 401 || status === 403) {
		return {
			message: 'Squadus rejected the username or password',
			description: 'Check Username or Email and Password in the credential.',
		};
	}
	if (status === 429) {
		return {
			message: 'Squadus refused the login: too many requests',
			description: text ?? 'Wait a minute and try again.',
		};
	}
	if (status === 404 || typeof answer !== 'object' || (!text && status < 500)) {
		return {
			message: `No Squadus API answered at ${normalizeServerUrl(credentials.server as string)}`,
			description:
				'Check the Server Address: the address of the Squadus server (e.g. https://im.example.ru), without /api/v1.',
		};
	}
	return {
		message: text ?? `Squadus answered the login with HTTP ${status}`,
		description: 'Check the credential, or try again later if the server is failing.',
	};
}

export class SquadusApi implements ICredentialType {
	name = 'squadusApi';

	displayName = 'Squadus API';

	icon = { light: 'file:../icons/squadus.svg', dark: 'file:../icons/squadus.dark.svg' } as const;

	documentationUrl = 'https://github.com/squadus-community/n8n-nodes-squadus#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Session Token',
			name: 'authToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Session User ID',
			name: 'sessionUserId',
			type: 'hidden',
			default: '',
		},
		serverAddressProperty,
		{
			displayName: 'Username or Email',
			name: 'user',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ivan.petrov',
			description: 'Your Squadus username (firstname.lastname) or email address',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Second Factor',
			name: 'secondFactor',
			type: 'options',
			options: [
				{ name: 'None', value: 'none' },
				{
					name: 'One-Time Code',
					value: 'code',
					description: 'A code you enter by hand; it is valid for one login only',
				},
				{
					name: 'TOTP Secret',
					value: 'totpSecret',
					description: 'The authenticator secret; n8n computes a fresh code at each login',
				},
			],
			default: 'none',
			description: 'Whether the account uses two-factor authentication, and how to answer it',
		},
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			default: '',
			placeholder: 'e.g. 123456',
			displayOptions: { show: { secondFactor: ['code'] } },
		},
		{
			displayName: 'TOTP Secret',
			name: 'totpSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. JBSWY3DPEHPK3PXP',
			description: 'The base32 secret shown when two-factor authentication was set up',
			displayOptions: { show: { secondFactor: ['totpSecret'] } },
		},
		ignoreSslIssuesProperty(
			'Whether to connect even if the server certificate cannot be validated, e.g. an internal CA',
		),
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const addressProblem = serverAddressProblem(credentials.server);
		if (addressProblem) throw new UserError(addressProblem);
		const server = normalizeServerUrl(credentials.server as string);
		const body: Record<string, string> = {
			user: String(credentials.user ?? '').trim(),
			password: String(credentials.password ?? ''),
		};
		if (credentials.secondFactor === 'code' && credentials.code) {
			body.code = String(credentials.code).trim();
		}
		if (credentials.secondFactor === 'totpSecret') {
			try {
				body.code = totp(String(credentials.totpSecret ?? ''));
			} catch (error) {
				throw new UserError((error as Error).message, {
					description: 'Copy the secret again from the two-factor set-up of the account.',
				});
			}
		}
		// Whatever the server echoes, no secret of this login reaches the error.
		const redactor = new Redactor([...credentialSecrets(credentials), ...Object.values(body)]);
		const fail = ({ message, description }: Explanation): never => {
			throw new UserError(redactor.text(message), {
				description: description === undefined ? undefined : redactor.text(description),
			});
		};
		const request: IHttpRequestOptions = {
			method: 'POST',
			url: apiUrl(server, '/login'),
			body,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			skipSslCertificateValidation: credentials.ignoreSslIssues === true,
		};
		let response: IN8nHttpFullResponse;
		for (let attempt = 1; ; attempt++) {
			try {
				// Redirects are followed only on the server's own origin: the body holds the password.
				response = await sendWithinOrigin(
					async (options) => (await this.helpers.httpRequest(options)) as IN8nHttpFullResponse,
					request,
				);
			} catch (error) {
				if (error instanceof CrossOriginRedirect || error instanceof TooManyRedirects) {
					return fail(explainRedirect(error));
				}
				// Only a description of the failure: the request carries the password.
				return fail(explainNetworkError(error as JsonObject, server, 'POST'));
			}
			// A rate-limited login is waited out as any other request.
			if (!(await waitOutRateLimit(response, attempt))) break;
		}
		const answer = (response.body ?? {}) as IDataObject;
		const data = answer.data as IDataObject | undefined;
		if (response.statusCode < 300 && data?.authToken && data.userId) {
			const session = { authToken: String(data.authToken), sessionUserId: String(data.userId) };
			const problem = headerValueProblem({
				'session token': session.authToken,
				'user ID': session.sessionUserId,
			});
			if (problem) {
				fail({
					message: 'Squadus answered the login with a session that cannot be sent in a header',
					description: `${problem.replace("The credential's", 'The')}. Check the Server Address: it must point to the Squadus server itself.`,
				});
			}
			return session;
		}
		return fail(explainLoginFailure(response.statusCode, answer, credentials));
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withSquadusHeaders(
			requestOptions,
			credentials,
			{ field: 'authToken', label: 'session token (from Squadus)' },
			{ field: 'sessionUserId', label: 'session user ID (from Squadus)' },
		);
	}

	test: ICredentialTestRequest = meTestRequest(
		'Squadus did not accept the session of this login; check the Server Address',
	);
}
