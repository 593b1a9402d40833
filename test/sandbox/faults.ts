/**
 * Fault injection: matching requests are failed in one of several ways.
 */
import type { FaultMode, FaultSpec } from './types';

const MODES: FaultMode[] = ['429', '500', 'slow', 'drop', 'dropAfter', 'malformed'];

/** mulberry32: a tiny seedable PRNG. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface ActiveFault {
	spec: FaultSpec;
	remaining: number;
	random: () => number;
}

export class FaultError extends Error {}

/** Validates a fault coming from JSON (times may be "Infinity", null or -1 for unlimited). */
export function normalizeFault(input: unknown): FaultSpec {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		throw new FaultError('fault must be an object');
	const raw = input as Record<string, unknown>;
	if (typeof raw.path !== 'string' || !raw.path.startsWith('/'))
		throw new FaultError("fault.path must be a path such as '/api/v1/chat.postMessage'");
	if (!MODES.includes(raw.mode as FaultMode))
		throw new FaultError(`fault.mode must be one of ${MODES.join(', ')}`);
	if (raw.method !== undefined && typeof raw.method !== 'string')
		throw new FaultError('fault.method must be a string');
	let times: number | undefined;
	if (raw.times === 'Infinity' || raw.times === null || raw.times === -1) times = Infinity;
	else if (raw.times !== undefined) {
		if (typeof raw.times !== 'number' || raw.times < 0)
			throw new FaultError('fault.times must be a non-negative number');
		times = raw.times;
	}
	for (const key of ['probability', 'seed', 'delayMs', 'resetMs'] as const) {
		if (raw[key] !== undefined && (typeof raw[key] !== 'number' || !Number.isFinite(raw[key]))) {
			throw new FaultError(`fault.${key} must be a number`);
		}
	}
	const probability = raw.probability as number | undefined;
	if (probability !== undefined && (probability < 0 || probability > 1))
		throw new FaultError('fault.probability must be within 0..1');
	return {
		path: raw.path,
		method: raw.method as string | undefined,
		mode: raw.mode as FaultMode,
		times,
		probability,
		seed: raw.seed as number | undefined,
		delayMs: raw.delayMs as number | undefined,
		resetMs: raw.resetMs as number | undefined,
	};
}

export class FaultInjector {
	private faults: ActiveFault[] = [];

	add(spec: FaultSpec): void {
		const checked = normalizeFault(spec);
		this.faults.push({
			spec: checked,
			remaining: checked.times ?? 1,
			random: prng(checked.seed ?? 1),
		});
	}

	clear(): void {
		this.faults = [];
	}

	list(): FaultSpec[] {
		return this.faults.map((f) => ({ ...f.spec, times: f.remaining }));
	}

	/** The fault that hits this request, if any (consumes one of its `times`). */
	take(method: string, path: string): FaultSpec | undefined {
		for (const fault of this.faults) {
			if (fault.remaining <= 0) continue;
			if (fault.spec.path !== path) continue;
			if (fault.spec.method && fault.spec.method.toUpperCase() !== method.toUpperCase()) continue;
			const probability = fault.spec.probability ?? 1;
			if (probability < 1 && fault.random() >= probability) continue;
			fault.remaining--;
			return fault.spec;
		}
		return undefined;
	}
}
