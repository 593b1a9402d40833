// Checks shared by the Simplify tests (node version 2).

/** Every primitive in a JSON value, with the key it sits under ('' at the top or in a list). */
function leaves(value: unknown, key = ''): Array<[string, unknown]> {
	if (Array.isArray(value)) return value.flatMap((entry) => leaves(entry, key));
	if (typeof value === 'object' && value !== null) {
		return Object.entries(value).flatMap(([name, entry]) => leaves(entry, name));
	}
	return [[key, value]];
}

/**
 * A simplified item shows nothing its raw item doesn't: each of its values is a value of the
 * raw item under the same key (`email` is the address of the raw `emails`).
 */
export function expectDrawnFrom(simplified: object, raw: object): void {
	const rawLeaves = leaves(raw).map(([key, value]) => JSON.stringify([key, value]));
	for (const [key, value] of leaves(simplified)) {
		const asRaw = key === 'email' ? 'address' : key;
		expect(rawLeaves).toContain(JSON.stringify([asRaw, value]));
	}
}
