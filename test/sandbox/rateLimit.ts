/**
 * Rocket.Chat's REST rate limiter: a fixed window per route and client.
 */
import { ApiError } from './errors';
import type { RateLimitConfig } from './types';

interface Bucket {
	count: number;
	resetAt: number;
}

export class RateLimiter {
	private buckets = new Map<string, Bucket>();

	reset(): void {
		this.buckets.clear();
	}

	/**
	 * Counts one call; returns the X-RateLimit-* headers, or throws the 429 when the window is used up.
	 */
	hit(
		config: RateLimitConfig,
		route: string,
		client: string,
		now = Date.now(),
	): Record<string, string> {
		const key = `${route}\n${client}`;
		let bucket = this.buckets.get(key);
		if (!bucket || now >= bucket.resetAt) {
			bucket = { count: 0, resetAt: now + config.windowMs };
			this.buckets.set(key, bucket);
		}
		bucket.count++;
		const headers = {
			'X-RateLimit-Limit': String(config.limit),
			'X-RateLimit-Remaining': String(Math.max(0, config.limit - bucket.count)),
			'X-RateLimit-Reset': String(bucket.resetAt),
		};
		if (bucket.count > config.limit) {
			throw tooManyRequests(bucket.resetAt - now, headers);
		}
		if (this.buckets.size > 50_000) this.prune(now);
		return headers;
	}

	private prune(now: number): void {
		for (const [key, bucket] of this.buckets) if (now >= bucket.resetAt) this.buckets.delete(key);
	}
}

export function tooManyRequests(msUntilReset: number, headers: Record<string, string>): ApiError {
	const seconds = Math.max(1, Math.ceil(msUntilReset / 1000));
	return new ApiError(
		429,
		{
			success: false,
			error: `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again. [error-too-many-requests]`,
		},
		headers,
	);
}
