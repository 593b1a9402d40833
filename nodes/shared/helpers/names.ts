/** Names given as a comma-separated string or as a list from an expression. */
export function splitNames(raw: unknown, prefix = ''): string[] {
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	return list
		.map((name) => String(name).trim())
		.map((name) => (prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name))
		.filter(Boolean);
}
