import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, sitePaths } from '../helpers/site';

/**
 * Every page of the sitemap (and the 404 page): axe in the light and in the dark theme, one test
 * for each, so a slow page never shares a timeout with another scan; the dark one then checks the
 * phone width (360 px), where nothing may scroll sideways. WCAG 2.2 A and AA in both themes; axe's
 * best practices, which do not depend on colour, in the light one.
 */
for (const path of sitePaths()) {
	test.describe(path, () => {
		test.describe('light', () => {
			test.use({ colorScheme: 'light' });

			test('no axe violations', async ({ page }) => {
				await page.goto(path);
				await expectNoAxeViolations(page, `${path} (light)`);
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
