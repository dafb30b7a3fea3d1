import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectSecurityHeaders, sitePaths, watchPage } from '../helpers/site';

/**
 * Every page of the sitemap (and the 404 page): axe in the light and in the dark theme, one test
 * for each, so a slow page never shares a timeout with another scan; the dark one then checks the
 * phone width (360 px), where nothing may scroll sideways. WCAG 2.2 A and AA in both themes; axe's
 * best practices, which do not depend on colour, in the light one. The light visit also checks that
 * the page runs under its Content Security Policy with no violation or console error, its scripts
 * exercised (one load of each page for both; csp.spec.ts has the rest of the CSP tests).
 */
for (const path of sitePaths()) {
	test.describe(path, () => {
		test.describe('light', () => {
			test.use({ colorScheme: 'light' });

			test('no axe violations; runs under its CSP with no violation or console error', async ({ page }) => {
				const watch = await watchPage(page);
				// Network idle: every lazily loaded script has run, or failed, by then.
				expectSecurityHeaders(await page.goto(path, { waitUntil: 'networkidle' }));
				await expectNoAxeViolations(page, `${path} (light)`);
				// Exercise the page's scripts: the theme toggle is on every page.
				await page.getByRole('button', { name: 'Dark theme' }).click();
				await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
				expect(await watch.violations()).toEqual([]);
				expect(watch.errors).toEqual([]);
			});
		});

		test.describe('dark', () => {
			test.use({ colorScheme: 'dark' });

			test('no axe violations; no sideways scrolling at 360 px', async ({ page }) => {
				await page.goto(path);
				await expectNoAxeViolations(page, `${path} (dark)`, { bestPractice: false });
				await page.setViewportSize({ width: 360, height: 740 });
				const width = await page.evaluate(() => document.documentElement.scrollWidth);
				expect(width, `${path} is ${width}px wide at a 360px viewport`).toBeLessThanOrEqual(360);
			});
		});
	});
}
