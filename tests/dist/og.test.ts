/**
 * Every built page as a link-preview crawler reads it: HTML only, no JavaScript. Each page names
 * a title, a description, its own preview card (present in dist, a 1200×630 PNG within budget) and
 * an og:url equal to its canonical address. Each quote share page (/s/…) carries the passage in
 * its description and sends the reader, by refresh and by link, to an anchor that exists.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/integrations/dist';
import { CARD_BUDGET } from '../../src/lib/budgets';
import { pngSize } from '../../src/lib/png';
import { anchorOfSharePath, normaliseSpace } from '../../src/lib/share';
import { DIST, distPages } from '../helpers/dist';

const pages = distPages();
const byPath = new Map(pages.map((p) => [p.path, p]));
const documents = new Map<string, Document>();
const doc = (path: string): Document | undefined => {
	const page = byPath.get(path);
	if (!page) return undefined;
	if (!documents.has(path)) documents.set(path, parseHTML(page.html).document);
	return documents.get(path);
};

const meta = (d: Document, key: string) =>
	d.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;
const sitePath = (url: string) => decodeURIComponent(new URL(url).pathname);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** An element's text as a reader reads it: without citation markers and link controls. */
function readerText(el: Element | null | undefined): string {
	if (!el) return '';
	const copy = el.cloneNode(true) as Element;
	copy.querySelectorAll('.cite-marker, [data-pagefind-ignore]').forEach((x) => x.remove());
	return normaliseSpace(copy.textContent ?? '');
}

const sharePages = pages.filter((p) => p.path.startsWith('/s/'));
const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');

describe('link previews, as a crawler reads them', () => {
	it('covers the quote share pages too', () => {
		// Five articles of 15–25 paragraphs, three explainers, the timeline's events.
		expect(sharePages.length).toBeGreaterThan(100);
	});

	it.each(pages.map((p) => [p.path] as const))('%s', (path) => {
		const d = doc(path)!;
		expect(meta(d, 'og:title'), 'og:title').toBeTruthy();
		expect(meta(d, 'og:description'), 'og:description').toBeTruthy();
		expect(meta(d, 'og:image:alt'), 'og:image:alt').toBeTruthy();
		expect(meta(d, 'twitter:card')).toBe('summary_large_image');
		const canonical = d.querySelector('link[rel=canonical]')?.getAttribute('href');
		// The 404 page is served at any address: it has neither.
		if (path === '/404.html') expect([canonical, meta(d, 'og:url')]).toEqual([undefined, undefined]);
		else expect(meta(d, 'og:url'), 'og:url is the canonical address').toBe(canonical);

		const image = meta(d, 'og:image')!;
		expect(image).toMatch(/^https?:\/\/[^/]+\/og\/.+\.png$/);
		expect(meta(d, 'twitter:image')).toBe(image);
		const bytes = readFileSync(join(DIST, sitePath(image)));
		expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
		expect([meta(d, 'og:image:width'), meta(d, 'og:image:height')]).toEqual(['1200', '630']);
	});

	it('gives every page a different image', () => {
		const seen = new Map<string, string>();
		for (const page of pages) {
			const image = sitePath(meta(doc(page.path)!, 'og:image')!);
			const hash = sha(readFileSync(join(DIST, image)));
			expect(
				seen.get(hash),
				`${page.path} has the same card as ${seen.get(hash)}: give it its own in gather(), src/data/share.ts`,
			).toBeUndefined();
			seen.set(hash, page.path);
		}
	});

	it(`keeps every card within ${CARD_BUDGET / 1024} KB`, () => {
		const cards = listFiles(join(DIST, 'og')).filter((f) => f.endsWith('.png'));
		expect(cards.length).toBeGreaterThanOrEqual(pages.length);
		const over = cards
			.map((f) => ({ f, bytes: readFileSync(join(DIST, 'og', f)).length }))
			.filter((c) => c.bytes > CARD_BUDGET)
			.map((c) => `/og/${c.f}: ${c.bytes} B`);
		expect(over).toEqual([]);
	});
});

describe('quote share pages', () => {
	it.each(sharePages.map((p) => [p.path] as const))('%s', (path) => {
		const d = doc(path)!;
		const target = anchorOfSharePath(path)!;
		const [page, id] = target.split('#') as [string, string];
		// Sent on to the anchor: by an instant refresh and by a visible link, no script.
		expect(meta(d, 'robots')).toBe('noindex');
		expect(d.querySelector('meta[http-equiv=refresh]')?.getAttribute('content')).toBe(`0; url=${target}`);
		expect(d.querySelector(`main a[href="${target}"]`), 'a visible link to the anchor').not.toBeNull();
		expect(d.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0);
		expect(d.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(new URL(target, meta(d, 'og:url')).href);
		expect(sitemap).not.toContain(path);

		// The anchor exists, and the description is its passage (cut at a word, with an ellipsis).
		const landing = doc(page);
		expect(landing, `${page} is built`).toBeDefined();
		const el = landing!.getElementById(id);
		expect(el, `#${id} exists on ${page}`).not.toBeNull();
		const description = meta(d, 'og:description')!.replace(/…$/, '');
		expect(description.length).toBeGreaterThan(3);
		// A section's passage is its opening paragraph, which follows the heading's wrapper.
		const passage = /^H[1-6]$/.test(el!.tagName)
			? (el!.closest('.anchor-heading') ?? el!).nextElementSibling
			: el;
		expect(readerText(passage)).toContain(description);
		// The card is the quote's own, not the page's.
		expect(sitePath(meta(d, 'og:image')!)).toBe(`/og${path.replace(/\/$/, '')}.png`);
	});
});
