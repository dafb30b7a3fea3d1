/**
 * Pagefind's search engine (WebAssembly and a worker) runs under the Content Security Policy, and
 * the watch that every page's visit uses (a11y.spec.ts) does catch a violation. The dist gate
 * (tests/dist/security.test.ts) checks the policy's text; this checks that the browser agrees.
 */
import { expect, test, type Page } from '@playwright/test';
import { watchPage as watch } from '../helpers/site';

// Every page's own visit under its policy (headers, no violation, no console error, its scripts
// run) is part of its light-theme scan in a11y.spec.ts: one load of each page for both.

/** Runs a Pagefind search from the page, as the search UI does, and returns what it found. */
async function search(page: Page, query: string, { worker }: { worker: boolean }) {
	return page.evaluate(
		async ({ query, worker }) => {
			// Without Worker, Pagefind compiles its WebAssembly on the page itself.
			if (!worker) Object.defineProperty(window, 'Worker', { value: undefined });
			const url = '/pagefind/pagefind.js';
			const pagefind = (await import(url)) as {
				search: (q: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
			};
			const found = await pagefind.search(query);
			return { count: found.results.length, first: (await found.results[0]?.data())?.url };
		},
		{ query, worker },
	);
}

for (const worker of [true, false]) {
	test(`Pagefind searches under the policy ${worker ? 'in its worker' : 'on the page (its fallback)'}`, async ({
		page,
	}) => {
		const w = await watch(page);
		await page.goto('/');
		const result = await search(page, 'Stoltenberg', { worker });
		expect(result.count).toBeGreaterThan(0);
		expect(result.first).toMatch(/^\/(articles|people|explainers)\/[^/]+\/$/);
		expect(await w.violations()).toEqual([]);
		expect(w.errors).toEqual([]);
	});
}

test('the watch catches a violation: an injected inline script is blocked and reported', async ({ page }) => {
	const w = await watch(page);
	await page.goto('/');
	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.injected = true';
		document.head.append(script);
	});
	// Reported once by each policy in force: the page's <meta> and the header from dist/_headers.
	const blocked = expect.stringMatching(/^script-src(-elem)? blocked inline/);
	await expect.poll(w.violations).toEqual([blocked, blocked]);
	expect(await page.evaluate(() => 'injected' in window)).toBe(false);
});
