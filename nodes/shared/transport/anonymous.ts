import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { errorResponse, explainedError, explainNetworkError } from './errors';
import { CrossOriginRedirect, explainRedirect, sendWithinOrigin, TooManyRedirects } from './origin';
import type { ResolvedAuth, SquadusContext } from './types';
import { apiUrl } from './url';

export interface WithoutSessionOptions {
	itemIndex: number;
	timeout?: number;
	signal?: AbortSignal;
	/** Whether the request ran out of its own deadline (then reported as a timeout). */
	timedOut?: () => boolean;
	/** Whether sending it again is harmless, which decides the "not sent again" advice. */
	repeatable?: boolean;
}

/**
 * A POST to the Squadus API that carries no session of the credential (the logins and the
 * OAuth2 token exchange): the secrets it needs are in its body. Redirects are followed only on
 * the server's own origin; any status comes back as a response, and a failure to get one as an
 * n8n error that explains it.
 */
export async function postWithoutSession(
	context: SquadusContext,
	auth: ResolvedAuth,
	endpoint: string,
	body: IDataObject,
	{ itemIndex, timeout, signal, timedOut, repeatable = false }: WithoutSessionOptions,
): Promise<IN8nHttpFullResponse> {
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: apiUrl(auth.server, endpoint),
		body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		skipSslCertificateValidation: auth.credentials.ignoreSslIssues === true,
	};
	if (timeout) request.timeout = timeout;
	try {
		return await sendWithinOrigin(
			async (hop) =>
				(await context.helpers.httpRequest({
					...hop,
					abortSignal: signal,
				})) as IN8nHttpFullResponse,
			request,
		);
	} catch (error) {
		const explanation =
			error instanceof CrossOriginRedirect || error instanceof TooManyRedirects
				? explainRedirect(error)
				: explainNetworkError(
						timedOut?.() ? { code: 'ETIMEDOUT' } : errorResponse(error).raw,
						auth.server,
						repeatable ? 'GET' : 'POST',
						timeout,
					);
		throw explainedError(context.getNode(), explanation, itemIndex);
	}
}
