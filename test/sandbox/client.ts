/**
 * A tiny HTTP client for the sandbox's own contract tests. It uses node:http rather than fetch:
 * fetch's connection pool keeps jest workers from exiting.
 */
import * as http from 'http';
import * as https from 'https';

import type { Sandbox } from './types';

export interface ApiResponse {
	status: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
	text: string;
	bytes: Buffer;
	headers: Headers;
}

export type AuthHeaders = Record<string, string>;

export function patAuth(user: { _id: string; personalAccessToken: string }): AuthHeaders {
	return { 'X-Auth-Token': user.personalAccessToken, 'X-User-Id': user._id };
}

export interface CallOptions {
	auth?: AuthHeaders;
	body?: unknown;
	query?: Record<string, string | number | boolean>;
	headers?: Record<string, string>;
	/** sent as is (no JSON encoding); FormData is encoded as multipart/form-data */
	raw?: string | Buffer | FormData;
}

function request(
	url: URL,
	method: string,
	headers: Record<string, string>,
	body: Buffer | undefined,
	ca?: string,
	extra: { path?: string; agent?: http.Agent } = {},
): Promise<RawResponse> {
	const send = url.protocol === 'https:' ? https.request : http.request;
	return new Promise((resolve, reject) => {
		const req = send(
			url,
			{
				method,
				headers: { ...headers, ...(body ? { 'Content-Length': String(body.length) } : {}) },
				ca,
				...extra,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						bytes: Buffer.concat(chunks),
					}),
				);
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

/** An answer as it came: status, node's headers, the body's bytes. */
export interface RawResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	bytes: Buffer;
}

export interface RawCallOptions {
	headers?: Record<string, string>;
	body?: string | Buffer;
	/** e.g. a keep-alive agent for many requests in parallel */
	agent?: http.Agent;
}

/**
 * One request exactly as given: `path` goes on the wire verbatim (a URL would normalise `/..`,
 * `%zz` or `#frag`), no header is added but Content-Length, and the answer is not parsed.
 */
export function rawCall(
	sandbox: Sandbox,
	method: string,
	path: string,
	options: RawCallOptions = {},
): Promise<RawResponse> {
	const body = options.body === undefined ? undefined : Buffer.from(options.body);
	return request(new URL(sandbox.url), method, options.headers ?? {}, body, sandbox.ca, {
		path,
		agent: options.agent,
	});
}

/** `path` is an API path ('chat.postMessage') or an absolute one ('/oauth/token'). */
export async function call(
	sandbox: Sandbox,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<ApiResponse> {
	const url = new URL(
		path.startsWith('/') ? `${sandbox.url}${path}` : `${sandbox.url}/api/v1/${path}`,
	);
	for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
	const headers: Record<string, string> = { ...(options.auth ?? {}), ...(options.headers ?? {}) };
	let body: Buffer | undefined;
	if (options.raw instanceof FormData) {
		const encoded = new Response(options.raw);
		headers['Content-Type'] = encoded.headers.get('content-type') as string;
		body = Buffer.from(await encoded.arrayBuffer());
	} else if (options.raw !== undefined) {
		body = Buffer.from(options.raw);
	} else if (options.body !== undefined) {
		body = Buffer.from(JSON.stringify(options.body));
		headers['Content-Type'] ??= 'application/json';
	}
	const res = await request(url, method, headers, body, sandbox.ca);
	const text = res.bytes.toString('utf8');
	let parsed: unknown = text;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		parsed = text;
	}
	const responseHeaders = new Headers();
	for (const [key, value] of Object.entries(res.headers)) {
		if (value !== undefined)
			responseHeaders.set(key, Array.isArray(value) ? value.join(', ') : value);
	}
	return { status: res.status, body: parsed, text, bytes: res.bytes, headers: responseHeaders };
}

export async function login(
	sandbox: Sandbox,
	user: string,
	password: string,
	code?: string,
): Promise<AuthHeaders> {
	const res = await call(sandbox, 'POST', 'login', {
		body: { user, password, ...(code ? { code } : {}) },
	});
	if (res.status !== 200) throw new Error(`login failed: ${res.text}`);
	return { 'X-Auth-Token': res.body.data.authToken, 'X-User-Id': res.body.data.userId };
}

/** Rocket.Chat's error shape: 400 `{success:false, error:"... [code]", errorType:code}`. */
export function expectError(res: ApiResponse, status: number, errorType?: string): void {
	expect({ status: res.status, success: res.body?.success }).toEqual({ status, success: false });
	expect(typeof res.body.error).toBe('string');
	if (errorType) {
		expect(res.body.errorType).toBe(errorType);
		expect(res.body.error).toContain(`[${errorType}]`);
	}
}
