import { NodeApiError } from 'n8n-workflow';

/**
 * Where the vendor manual and Rocket.Chat (which Squadus is built on) disagree on a request's
 * form, the manual's form is sent first. When the server refuses it as invalid (HTTP 400 with
 * one of `refusals` as its error type), Rocket.Chat's form is sent, once. Any other failure,
 * and a failure of the second form, is reported as is. See the README's Compatibility section.
 */
export async function manualThenRocketChat<T>(
	manualForm: () => Promise<T>,
	rocketChatForm: () => Promise<T>,
	refusals: readonly string[] = ['invalid-params'],
): Promise<T> {
	const first = await manualForm().then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error }),
	);
	if (first.ok) return first.value;
	const { error } = first;
	const refused =
		error instanceof NodeApiError &&
		error.httpCode === '400' &&
		refusals.includes(String(error.context.errorType ?? ''));
	if (!refused) return await Promise.reject(error);
	return await rocketChatForm();
}
