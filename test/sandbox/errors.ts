/**
 * Rocket.Chat error shapes. Handlers throw ApiError; the server turns it into the response.
 */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly body: Record<string, unknown>,
		readonly headers: Record<string, string> = {},
	) {
		super(typeof body.error === 'string' ? body.error : String(body.message ?? status));
	}
}

/** Failed ajv validation: 400 "<message> [invalid-params]". */
export function invalidParams(message: string): ApiError {
	return new ApiError(400, {
		success: false,
		error: `${message} [invalid-params]`,
		errorType: 'invalid-params',
	});
}

export function missingParam(name: string): ApiError {
	return invalidParams(`must have required property '${name}'`);
}

/** A thrown Meteor.Error: 400 "<reason> [<code>]" with errorType and optional details. */
export function meteorError(
	code: string,
	reason: string,
	details?: Record<string, unknown>,
): ApiError {
	return new ApiError(400, {
		success: false,
		error: `${reason} [${code}]`,
		errorType: code,
		...(details ? { details } : {}),
	});
}

/** API.v1.failure(message): 400 with only the message. */
export function failure(message: string, errorType?: string): ApiError {
	return new ApiError(400, { success: false, error: message, ...(errorType ? { errorType } : {}) });
}

/** API.v1.forbidden(): 403 { success:false, error:'unauthorized' }. */
export function forbidden(message = 'unauthorized'): ApiError {
	return new ApiError(403, { success: false, error: message });
}

/** The route's permissionsRequired check failed. */
export function permissionDenied(): ApiError {
	return forbidden(
		'User does not have the permissions required for this action [error-unauthorized]',
	);
}

export function notLoggedIn(): ApiError {
	return new ApiError(401, { status: 'error', message: 'You must be logged in to do this.' });
}

export function loginFailed(
	error = 'Unauthorized',
	message = 'Unauthorized',
	details?: Record<string, unknown>,
): ApiError {
	return new ApiError(401, { status: 'error', error, message, ...(details ? { details } : {}) });
}

export function roomNotFound(): ApiError {
	return meteorError(
		'error-room-not-found',
		'The required "roomId" or "roomName" param provided does not match any channel',
	);
}

export function invalidUserParam(): ApiError {
	return meteorError(
		'error-invalid-user',
		'The required "userId" or "username" param provided does not match any users',
	);
}

export function notAllowed(method?: string): ApiError {
	return meteorError('error-not-allowed', 'Not allowed', method ? { method } : undefined);
}

export function actionNotAllowed(method?: string): ApiError {
	return meteorError('error-action-not-allowed', 'Not allowed', method ? { method } : undefined);
}
