import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, sitePaths } from '../helpers/site';

const paths = sitePaths();

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`${scheme} theme`, () => {
		test.use({ colorScheme: scheme });
		for (const path of paths) {
			test(`${path} has no axe violations`, async ({ page }) => {
				await page.goto(path);
				await expectNoAxeViolations(page, `${path} (${scheme})`);
			});
		}
	});
}

test.describe('phone, 360 px wide', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
	for (const path of paths) {
		test(`${path} does not overflow horizontally`, async ({ page }) => {
			await page.goto(path);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width).toBeLessThanOrEqual(360);
		});
	}
});
