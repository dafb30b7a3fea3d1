/**
 * The corrections log as built: /corrections/ lists every entry of src/content/corrections.yaml,
 * once, grouped by page, in the order of the file within a day (each page from top to bottom),
 * newest day first; both feeds carry every entry, linking to it on /corrections/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DIST } from '../helpers/dist';

const log = parseYaml(readFileSync('src/content/corrections.yaml', 'utf8')) as { id: string; date: string; page: string }[];
const position = new Map(log.map((c, i) => [c.id, i]));
const { document } = parseHTML(readFileSync(join(DIST, 'corrections/index.html'), 'utf8'));
const groups = [...document.querySelectorAll('main section')].map((s) => ({
	page: s.querySelector('h2 a')?.getAttribute('href') ?? '',
	ids: [...s.querySelectorAll('ol > li')].map((li) => li.id),
}));

describe('/corrections/', () => {
	it('lists every entry of the log once, under the page it concerns', () => {
		expect(groups.flatMap((g) => g.ids).sort()).toEqual(log.map((c) => c.id).sort());
		for (const g of groups) for (const id of g.ids) expect(log[position.get(id)!]!.page, id).toBe(g.page);
	});

	it('keeps a page’s entries newest day first, and a day’s in the order of the file', () => {
		for (const g of groups) {
			const expected = [...g.ids].sort(
				(a, b) =>
					log[position.get(b)!]!.date.localeCompare(log[position.get(a)!]!.date) ||
					position.get(a)! - position.get(b)!,
			);
			expect(g.ids, g.page).toEqual(expected);
		}
	});
});

describe('the feeds', () => {
	it('carry every correction, linking to its entry', () => {
		const rss = readFileSync(join(DIST, 'rss.xml'), 'utf8');
		const feed = JSON.parse(readFileSync(join(DIST, 'feed.json'), 'utf8')) as { items: { url: string; tags: string[] }[] };
		const fragment = (url: string) => /\/corrections\/#([\w-]+)$/.exec(url)?.[1];
		const fromRss = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => fragment(m[1]!)).filter(Boolean);
		const fromJson = feed.items.filter((i) => i.tags.includes('Correction')).map((i) => fragment(i.url));
		expect(fromRss).toEqual(fromJson);
		expect([...fromRss].sort()).toEqual(log.map((c) => c.id).sort());
	});
});
