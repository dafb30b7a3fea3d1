import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../helpers/site';

const EXPLAINER = '/explainers/negotiation-rounds/';

test.describe('explainer citations', () => {
	test('a citation marker lands on the cited paragraph and highlights it', async ({ page }) => {
		await page.goto(EXPLAINER);
		const marker = page.locator('.body .cite-marker').first();
		const href = await marker.getAttribute('href');
		expect(href).toMatch(/^\/articles\/[a-z-]+\/#p\d+$/);
		await marker.click();
		await expect(page).toHaveURL(new RegExp(`${href!.replace(/[/#]/g, (c) => `\\${c}`)}$`));
		const target = page.locator(href!.slice(href!.indexOf('#')));
		await expect(target).toBeInViewport();
		expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
	});

	test('the preview of the cited passage appears on hover and focus, and Escape dismisses it', async ({ page }) => {
		await page.goto(EXPLAINER);
		const marker = page.getByRole('link', { name: 'Source [1]' }).first();
		const preview = page.getByRole('tooltip');
		await expect(preview).toBeHidden();
		await marker.focus();
		await expect(preview).toBeVisible();
		await expect(preview).toContainText('paragraph 3');
		await expect(preview).toContainText('As you know, today a meeting of the NATO-Ukraine Commission');
		await expect(marker).toHaveAccessibleDescription(
			'NATO will not compromise with the Russian Federation on Ukraine’s membership – Stoltenberg, paragraph 3 (10 January 2022)',
		);
		await page.keyboard.press('Escape');
		await expect(preview).toBeHidden();
		await expect(marker).toBeFocused();
		const second = page.getByRole('link', { name: 'Source [4]' }).first();
		// A real pointer move onto the marker's box. (locator.hover() computes its point from the
		// raised inline box's quads and lands on the list item; the browser's own hit test, checked
		// with elementFromPoint, finds the marker there.)
		await second.scrollIntoViewIfNeeded();
		const at = (await second.boundingBox())!;
		await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
		await expect(preview).toBeVisible();
		await expect(preview).toContainText('paragraph 5 (about 13 January 2022)');
		await expect(preview).toContainText('#ICYMI: The NATO-Russia Council, which brings together all 30 #NATO Allies');
		const box = await preview.boundingBox();
		const viewport = page.viewportSize()!;
		expect(box!.x).toBeGreaterThanOrEqual(0);
		expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
	});

	test('without JavaScript a marker is an ordinary link, described by its source', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(EXPLAINER);
		const marker = page.getByRole('link', { name: 'Source [1]' }).first();
		await expect(marker).toHaveAccessibleDescription(/Stoltenberg, paragraph 3 \(10 January 2022\)$/);
		await marker.click();
		await expect(page).toHaveURL(/\/articles\/stoltenberg-no-compromise-on-membership\/#p3$/);
		await context.close();
	});

	test('the source list numbers every citation and links back to the text', async ({ page }) => {
		await page.goto(EXPLAINER);
		const markers = await page
			.locator('.body .cite-marker')
			.evaluateAll((as) => new Set(as.map((a) => a.textContent)).size);
		await expect(page.locator('ol.sources > li')).toHaveCount(markers);
		await page.getByRole('link', { name: 'Back to citation 3 in the text' }).click();
		await expect(page.locator('#cite-3-1')).toBeInViewport();
	});

	test('every factual paragraph on every explainer carries a citation', async ({ page }) => {
		for (const slug of ['what-nato-is', 'russias-demands', 'negotiation-rounds']) {
			await page.goto(`/explainers/${slug}/`);
			const uncited = await page
				.locator('.body .para, .body .in-brief li')
				.evaluateAll((blocks) =>
					blocks
						.filter((b) => !b.closest('.context-note') && !b.querySelector('.cite-marker'))
						.map((b) => b.textContent?.slice(0, 60)),
				);
			expect(uncited, slug).toEqual([]);
		}
	});

	test('sources that disagree are shown side by side, each attributed and linked', async ({ page }) => {
		await page.goto(EXPLAINER);
		const box = page.getByRole('group', { name: /Who held the news conference with Stoltenberg/ });
		await expect(box.locator('.account')).toHaveCount(2);
		await expect(box.getByRole('link', { name: 'Read paragraph 2 of this source' })).toHaveAttribute(
			'href',
			'/articles/stoltenberg-no-compromise-on-membership/#p2',
		);
		await expect(box.getByRole('link', { name: 'Read paragraph 1 of this source' })).toHaveAttribute(
			'href',
			'/articles/stoltenberg-open-door-geneva-talks-begin/#p1',
		);
	});

	test('context notes and corrections are marked as such', async ({ page }) => {
		await page.goto('/explainers/what-nato-is/');
		const notes = page.getByRole('note', { name: 'Context from outside the sources' });
		await expect(notes.filter({ hasText: 'Article 5' })).toContainText('Reference: North Atlantic Treaty, Article 5');
		await expect(page.getByRole('note', { name: /a source is wrong here/ })).toContainText('Bucharest');
	});

	test('axe finds nothing with a citation preview open', async ({ page }) => {
		await page.goto(EXPLAINER);
		await page.getByRole('link', { name: 'Source [2]' }).first().focus();
		await expectNoAxeViolations(page, `${EXPLAINER} with a preview open`);
	});
});

test.describe('navigation between explainers', () => {
	test('each explainer links to the next; the home page and header lead to them', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: /^What NATO is/ }).click();
		await page.getByRole('link', { name: /Next explainer.*Russia’s demands/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Russia’s demands/);
		await page.getByRole('link', { name: /Next explainer.*negotiation rounds/i }).click();
		await expect(page).toHaveURL(/\/explainers\/negotiation-rounds\/$/);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Explainers' }).click();
		await expect(page.locator('.explainer-list li')).toHaveCount(3);
	});

	test('a section heading has a stable link, shared through its quote page', async ({ page, context, baseURL }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(`${EXPLAINER}#vienna-13-january-the-osce`);
		await expect(page.getByRole('heading', { name: 'Vienna, 13 January: the OSCE' })).toBeInViewport();
		await page.getByRole('button', { name: 'Share section “Vienna, 13 January: the OSCE”' }).click();
		await page.getByRole('menuitem', { name: 'Copy link' }).click();
		const shared = await page.evaluate(() => navigator.clipboard.readText());
		expect(shared).toBe(`${baseURL}/s${EXPLAINER}vienna-13-january-the-osce/`);
		await page.goto(shared);
		await expect(page).toHaveURL(`${baseURL}${EXPLAINER}#vienna-13-january-the-osce`);
	});
});

test.describe('backlinks and people', () => {
	test('an article paragraph shows where it is cited, and the link lands on the marker', async ({ page }) => {
		await page.goto('/articles/nato-russia-council-rejects-key-demands/');
		const cited = page.locator('.para[data-paragraph="p13"] .cited-in');
		await expect(cited).toContainText('Cited in');
		// Past one link the list is folded behind its "Cited in" line (issue 9): open it first.
		if (await cited.locator('summary').count()) await cited.locator('summary').click();
		await cited.getByRole('link').first().click();
		await expect(page).toHaveURL(/\/explainers\/[a-z-]+\/#cite-\d+-\d+$/);
		const id = new URL(page.url()).hash;
		await expect(page.locator(id)).toBeInViewport();
		await expect(page.locator(id)).toHaveAttribute('href', '/articles/nato-russia-council-rejects-key-demands/#p13');
	});

	test('the article page lists every cited paragraph', async ({ page }) => {
		await page.goto('/articles/zelenskyy-ukraine-may-not-join-nato/');
		await expect(page.locator('.cited-list > li')).toHaveCount(await page.locator('.para .cited-in').count());
	});

	test('a person’s page lists mentions in the sources and the explainers', async ({ page }) => {
		await page.goto('/people/jens-stoltenberg/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jens Stoltenberg');
		await expect(page.locator('.role')).toContainText('Secretary General of NATO');
		const mentions = page.getByRole('link', { name: /^Paragraph \d+$/ });
		expect(await mentions.count()).toBeGreaterThanOrEqual(8);
		await expect(page.locator('#in-explainers + ul > li')).toHaveCount(3);
		const href = (await mentions.nth(3).getAttribute('href'))!;
		await mentions.nth(3).click();
		await expect(page).toHaveURL(new RegExp(`${href.replace(/[/#]/g, (c) => `\\${c}`)}$`));
		await expect(page.locator(href.slice(href.indexOf('#')))).toContainText('Stoltenberg');
	});

	test('a misspelt name in a source is found through its alias', async ({ page }) => {
		await page.goto('/people/dmytro-kuleba/');
		await expect(page.getByRole('link', { name: 'Paragraph 1' })).toHaveAttribute(
			'href',
			'/articles/stoltenberg-open-door-geneva-talks-begin/#p1',
		);
	});

	test('names in explainers link to their people pages', async ({ page }) => {
		await page.goto('/explainers/what-nato-is/');
		await page.getByRole('link', { name: 'Alexander Grushko' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alexander Grushko');
		await expect(
			page.getByRole('link', { name: 'What NATO is, and why its open door is at the centre of this story' }),
		).toBeVisible();
	});
});
