import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, sitePaths } from '../helpers/site';

/**
 * Every page of the sitemap (and the 404 page): axe in the light and the dark theme, then the
 * phone width. One navigation per page keeps the suite fast as the site grows.
 */
for (const path of sitePaths()) {
	test(`${path}: no axe violations in light and dark, no overflow at 360 px`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(path);
		await expectNoAxeViolations(page, `${path} (light)`);
		await page.emulateMedia({ colorScheme: 'dark' });
		await expectNoAxeViolations(page, `${path} (dark)`);
		await page.setViewportSize({ width: 360, height: 740 });
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, `${path} is ${width}px wide at a 360px viewport`).toBeLessThanOrEqual(360);
	});
}
