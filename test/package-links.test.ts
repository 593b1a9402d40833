// The documentation links that n8n shows (a credential's documentationUrl, a node's codex
// resources) all point into this package's README on its homepage, which package.json holds:
// a publisher who changes the homepage finds here every link to change with it, and no link
// names a README heading that does not exist.
import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const base = String(manifest.homepage).replace(/#.*$/, '');

/** GitHub's anchors for the README's headings. */
const anchors = new Set(
	fs
		.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
		.split('\n')
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) =>
			line
				.replace(/^#+ /, '')
				.trim()
				.toLowerCase()
				.replace(/[^\p{L}\p{N} _-]/gu, '')
				.replace(/ /g, '-'),
		),
);

function linksIn(dir: string, pattern: RegExp, extract: RegExp): Array<[string, string]> {
	const found: Array<[string, string]> = [];
	for (const entry of fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]) {
		if (!pattern.test(entry)) continue;
		const text = fs.readFileSync(path.join(ROOT, dir, entry), 'utf8');
		for (const match of text.matchAll(extract)) found.push([`${dir}/${entry}`, match[1]]);
	}
	return found;
}

const links = [
	...linksIn('credentials', /\.credentials\.ts$/, /documentationUrl = '([^']+)'/g),
	...linksIn('nodes', /\.node\.json$/, /"url": "([^"]+)"/g),
];

describe('documentation links', () => {
	it('package.json names an author with an e-mail, a homepage and a repository', () => {
		expect(manifest.author.name).toBeTruthy();
		expect(manifest.author.email).toMatch(/@/);
		expect(manifest.homepage).toMatch(/^https:\/\//);
		expect(manifest.repository.url).toContain(base.replace(/^https:\/\//, ''));
	});

	it('every credential and node links to a heading of the README on the homepage', () => {
		expect(links.length).toBeGreaterThanOrEqual(3 + 10);
		for (const [file, url] of links) {
			const [page, anchor] = url.split('#');
			expect(`${file}: ${page}`).toBe(`${file}: ${base}`);
			expect(`${file}: #${anchor} ${anchors.has(anchor) ? 'exists' : 'is not a README heading'}`).toBe(
				`${file}: #${anchor} exists`,
			);
		}
	});
});
