/** Byte budgets (src/lib/budgets.ts) for every page of the built site, by page type. */
import { describe, expect, it } from 'vitest';
import { budgetViolations, pageTypeOf, weighPage } from '../../src/lib/budgets';
import { distReader } from '../../src/integrations/dist';
import { DIST, distPages } from '../helpers/dist';

const pages = distPages();
const read = distReader(DIST);

describe('byte budgets (gzip)', () => {
	it.each(pages.map((p) => [p.path, p] as const))('%s is within its budget', (_, page) => {
		const weight = weighPage(page.path, page.html, read);
		expect(weight.missing, 'scripts or styles referenced but not built').toEqual([]);
		expect(budgetViolations(weight)).toEqual([]);
	});

	it('weighs every article page against the article budget', () => {
		const articles = pages.filter((p) => p.path.startsWith('/articles/') && p.path !== '/articles/');
		expect(articles.length).toBeGreaterThanOrEqual(5);
		for (const page of articles) expect(pageTypeOf(page.path).name).toBe('article');
	});
});
