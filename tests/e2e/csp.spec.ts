/**
 * Every page runs under its Content Security Policy with no violation and no console error,
 * including Pagefind's search engine (WebAssembly and a worker). The dist gate
 * (tests/dist/security.test.ts) checks the policy's text; this checks that the browser agrees.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseHeadersFile } from '../../src/lib/http';
import { sitePaths } from '../helpers/site';

/** What dist/_headers asks every response to carry (tests/dist/security.test.ts checks its content). */
const HEADERS = parseHeadersFile(readFileSync('dist/_headers', 'utf8')).get('/*') ?? {};

interface Watch {
	violations: () => Promise<string[]>;
	errors: string[];
}

/** Records CSP violations (from the page's own event) and console errors from the first byte. */
async function watch(page: Page): Promise<Watch> {
	const errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (e) =>
			seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
		);
	});
	return {
		errors,
		violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
	};
}

for (const path of sitePaths()) {
	test(`${path} runs under its CSP with no violation or console error`, async ({ page }) => {
		const w = await watch(page);
		const response = await page.goto(path, { waitUntil: 'networkidle' });
		expect(response?.headers()['x-content-type-options']).toBe('nosniff');
		expect(response?.headers()['content-security-policy']).toBe(HEADERS['Content-Security-Policy']);
		expect(HEADERS['Content-Security-Policy']).toMatch(/script-src 'self'/);
		// Exercise the page's scripts: the theme toggle is on every page.
		await page.getByRole('button', { name: 'Dark theme' }).click();
		await expect(page.locator('html')).toHaveAttribute('data-theme', /light|dark/);
		expect(await w.violations()).toEqual([]);
		expect(w.errors).toEqual([]);
	});
}

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
