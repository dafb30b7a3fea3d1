/** Facts about the built site in dist/, for the browser tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page, type Response } from '@playwright/test';
import { parseHeadersFile } from '../../src/lib/http';
import type { AxeResults, RunOptions } from 'axe-core';

/** Every page in the sitemap, as a path, plus the 404 page (which the sitemap leaves out). */
export function sitePaths(): string[] {
	const xml = readFileSync('dist/sitemap-0.xml', 'utf8');
	const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '/').pathname);
	if (paths.length < 5) throw new Error(`dist/sitemap-0.xml lists only ${paths.length} pages: build the site first`);
	return [...paths, '/404.html'];
}

/** WCAG 2.2 A and AA: the bar. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * axe's best practices (landmarks, heading order, one main): about a third of axe's rules, none of
 * them about colour, so a page needs them checked once, not once per theme.
 */
export const AXE_BEST_PRACTICE = 'best-practice';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const axeOptions = (bestPractice: boolean): RunOptions => ({
	runOnly: { type: 'tag', values: bestPractice ? [...AXE_TAGS, AXE_BEST_PRACTICE] : AXE_TAGS },
	// Only violations are read; passes would be serialised for nothing (thousands of nodes on the timeline).
	resultTypes: ['violations'],
	// WCAG 2.5.3 (Label in Name, level A): axe ships the rule as experimental, so off unless asked.
	// Lighthouse found "Share or cite" named "Share this article".
	rules: { 'label-content-name-mismatch': { enabled: true } },
});

/**
 * Fails with a readable list if axe finds anything on the page as it is now.
 *
 * axe-core runs on the page directly: one injection, one `axe.run()`. @axe-core/playwright's
 * `analyze()` injected the 550 KB script twice and finished every run in a second, blank page
 * (`axe.finishRun`, for cross-origin iframes, which this site has none of): about half of each
 * scan's time, measured. Injected once per page; later scans of the same page reuse it.
 */
export async function expectNoAxeViolations(
	page: Page,
	label: string,
	{ bestPractice = true }: { bestPractice?: boolean } = {},
): Promise<void> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	const violations = await page.evaluate(async (options) => {
		const { axe } = window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } };
		const results = await axe.run(document, options);
		return results.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			targets: v.nodes.map((n) => n.target.join(' ')),
		}));
	}, axeOptions(bestPractice));
	const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`);
	expect(summary, `axe violations on ${label}`).toEqual([]);
}

export const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface PageWatch {
	/** CSP violations the page reported, as `directive blocked what (where)`. */
	violations: () => Promise<string[]>;
	/** Console errors and uncaught exceptions, as they came. */
	errors: string[];
}

/** Records CSP violations (from the page's own event) and console errors from the first byte. */
export async function watchPage(page: Page): Promise<PageWatch> {
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

let headers: Record<string, string> | undefined;

/** The response carries what dist/_headers asks of every response (tests/dist/security.test.ts checks its content). */
export function expectSecurityHeaders(response: Response | null): void {
	headers ??= parseHeadersFile(readFileSync('dist/_headers', 'utf8')).get('/*') ?? {};
	expect(response?.headers()['x-content-type-options']).toBe('nosniff');
	expect(response?.headers()['content-security-policy']).toBe(headers['Content-Security-Policy']);
	expect(headers['Content-Security-Policy']).toMatch(/script-src 'self'/);
}
