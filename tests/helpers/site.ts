/** Facts about the built site in dist/, for the browser tests. */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Every page in the sitemap, as a path, plus the 404 page (which the sitemap leaves out). */
export function sitePaths(): string[] {
	const xml = readFileSync('dist/sitemap-0.xml', 'utf8');
	const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '/').pathname);
	if (paths.length < 5) throw new Error(`dist/sitemap-0.xml lists only ${paths.length} pages: build the site first`);
	return [...paths, '/404.html'];
}

/** WCAG 2.2 A and AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Fails with a readable list if axe finds anything on the page as it is now. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
	const summary = violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
	);
	expect(summary, `axe violations on ${label}`).toEqual([]);
}

export const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
