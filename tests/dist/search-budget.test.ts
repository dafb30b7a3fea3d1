/**
 * Search's byte budgets that can be measured exactly in dist/ (issue 10): the search interface's
 * own code, and what the /search/ page runs before any interaction. Timings and the comparison
 * with Starlight are the benchmark's (bench/search.mjs).
 */
import { describe, expect, it } from 'vitest';
import { moduleGraph, SEARCH_UI_BUDGET, totalOf, weighPage } from '../../src/lib/budgets';
import { distReader } from '../../src/integrations/dist';
import { pageFacts } from '../../src/lib/html-facts';
import { DIST, distPages } from '../helpers/dist';

const pages = distPages();
const read = distReader(DIST);
const KB = 1024;

/** The module a page's inert `<template data-lazy="name">` runs when search is wanted. */
function lazyEntry(html: string, name: string): string {
	const template = new RegExp(`<template data-lazy="${name}"[^>]*>([\\s\\S]*?)</template>`).exec(html)?.[1] ?? '';
	const src = pageFacts(template).scripts.find((s) => s.type === 'module' && s.src)?.src;
	if (!src) throw new Error(`no module script in <template data-lazy="${name}">`);
	return src;
}

describe('search byte budgets (gzip)', () => {
	it(`the dialog's own code, with everything it imports, is at most ${SEARCH_UI_BUDGET / KB} KB`, () => {
		const article = pages.find((p) => p.path.startsWith('/articles/') && p.path !== '/articles/')!;
		const { parts, missing } = moduleGraph(lazyEntry(article.html, 'search-dialog'), read);
		expect(missing).toEqual([]);
		// Pagefind's engine and index are not ours, and load by URL at run time, not as imports.
		expect(parts.some((p) => p.what.startsWith('/pagefind/'))).toBe(false);
		expect(totalOf(parts), JSON.stringify(parts)).toBeLessThanOrEqual(SEARCH_UI_BUDGET);
	});

	it('/search/ runs at most 10 KB of JavaScript before its search is used, its search code included', () => {
		const search = pages.find((p) => p.path === '/search/')!;
		const eager = weighPage(search.path, search.html, read).eagerJs;
		// The page loads its search code (not the engine) when the reader reaches the form; it runs nothing
		// of search before that, but a reader about to search pays for it: count it too.
		const { parts, missing } = moduleGraph(lazyEntry(search.html, 'search-page'), read);
		expect(missing).toEqual([]);
		const all = [...new Map([...eager, ...parts].map((p) => [p.what, p])).values()];
		expect(totalOf(all), JSON.stringify(all)).toBeLessThanOrEqual(10 * KB);
	});
});
