import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, normalise } from '../helpers/site';

const ARTICLE = '/articles/nato-russia-council-rejects-key-demands/';
const TITLE =
	'The United States and NATO rejected key Russian security demands for easing tensions over Ukraine but left open the possibility of future talks';
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
/** A fixed day, so the date of access in citations is known: 20 March 2026. */
const TODAY = new Date('2026-03-20T10:00:00');

test.describe('share menu', () => {
	test.beforeEach(async ({ context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	});

	test('copy link gives the paragraph’s share page, which lands on the paragraph', async ({ page, baseURL }) => {
		await page.goto(ARTICLE);
		const button = page.getByRole('button', { name: 'Share paragraph 3', exact: true });
		await expect(button).toHaveAttribute('aria-haspopup', 'menu');
		await button.click();
		const menu = page.getByRole('menu', { name: 'Share paragraph 3' });
		await expect(menu).toBeVisible();
		await expect(button).toHaveAttribute('aria-expanded', 'true');
		await menu.getByRole('menuitem', { name: 'Copy link' }).click();
		await expect(menu).toBeHidden();
		await expect(page.getByRole('status')).toHaveText('Link copied');
		await expect(button).toBeFocused();
		const link = await clipboard(page);
		expect(link).toBe(`${baseURL}/s${ARTICLE}p3/`);
		await page.goto(link);
		await expect(page).toHaveURL(`${baseURL}${ARTICLE}#p3`);
		await expect(page.locator('#p3')).toBeInViewport();
	});

	test('copy quote gives the passage, its source, date and link', async ({ page, baseURL }) => {
		await page.goto(ARTICLE);
		const text = normalise(await page.locator('#p3').innerText());
		await page.getByRole('button', { name: 'Share paragraph 3', exact: true }).click();
		await page.getByRole('menuitem', { name: 'Copy quote' }).click();
		await expect(page.getByRole('status')).toHaveText('Quote copied');
		expect(await clipboard(page)).toBe(
			`“${text}” — “${TITLE}”, paragraph 3, about 13 January 2022, ${baseURL}/s${ARTICLE}p3/`,
		);
	});

	test('works from the keyboard: arrows move, Escape closes and returns focus', async ({ page }) => {
		await page.goto(ARTICLE);
		const button = page.getByRole('button', { name: 'Share paragraph 2', exact: true });
		await button.focus();
		await page.keyboard.press('Enter');
		const items = page.getByRole('menuitem');
		await expect(items.first()).toBeFocused();
		await expect(items.first()).toHaveText('Copy link');
		await page.keyboard.press('ArrowDown');
		await expect(page.getByRole('menuitem', { name: 'Copy quote' })).toBeFocused();
		await page.keyboard.press('End');
		await expect(items.last()).toBeFocused();
		await expect(items.last()).toHaveText('Cite this article…');
		await page.keyboard.press('ArrowDown');
		await expect(items.first()).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(page.getByRole('menu')).toHaveCount(0);
		await expect(button).toBeFocused();
		await expect(button).toHaveAttribute('aria-expanded', 'false');
		// Space opens it too, and the item runs with Enter.
		await page.keyboard.press('Space');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status')).toHaveText('Quote copied');
		// Tab leaves an open menu for what follows the button, not the top of the page.
		await page.keyboard.press('Space');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('menu')).toHaveCount(0);
		const followsButton = await button.evaluate(
			(el) =>
				document.activeElement !== document.body &&
				Boolean(el.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING),
		);
		expect(followsButton).toBe(true);
	});

	test('cite this article: four formats with the date of access, and no invented publisher', async ({ page }) => {
		test.slow(); // includes a full axe run
		await page.clock.setFixedTime(TODAY);
		await page.goto(ARTICLE);
		const opener = page.getByRole('button', { name: 'Share or cite this article' });
		await expect(opener).toHaveText('Share or cite');
		await opener.click();
		await page.getByRole('menuitem', { name: 'Cite this article…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Cite this article' });
		await expect(dialog).toBeVisible();
		const url = `http://localhost:4321${ARTICLE}`;
		const format = (name: string) => dialog.getByLabel(name, { exact: true });
		await expect(dialog.getByText(/Date of access: today, 20 March 2026/)).toBeVisible();
		await expect(format('APA (7th edition)')).toHaveText(
			`${TITLE}. (ca. 2022, January 13). [Publisher not recorded]. Reproduced in The 2022 Security Talks. Retrieved March 20, 2026, from ${url}`,
		);
		await expect(format('MLA (9th edition)')).toHaveText(
			`“${TITLE}.” [Publisher not recorded], circa 13 Jan. 2022. Reproduced in The 2022 Security Talks, localhost:4321${ARTICLE}. Accessed 20 Mar. 2026.`,
		);
		await expect(format('Chicago (17th edition, bibliography)')).toHaveText(
			`“${TITLE}.” Publisher not recorded, ca. January 13, 2022. Reproduced in The 2022 Security Talks. Accessed March 20, 2026. ${url}.`,
		);
		const bibtex = dialog.getByLabel('BibTeX', { exact: true });
		await expect(bibtex).toContainText('@misc{nato-russia-council-rejects-key-demands-2022,');
		await expect(bibtex).toContainText('urldate      = {2026-03-20}');
		await expect(bibtex).toContainText('Publisher not recorded');
		await dialog.getByRole('button', { name: 'Copy BibTeX citation' }).click();
		// The status comes once the clipboard has been written (the write is asynchronous).
		await expect(page.getByRole('status')).toHaveText('BibTeX citation copied');
		expect(await clipboard(page)).toMatch(/^@misc\{nato-russia-council-rejects-key-demands-2022,\n[\s\S]*\n\}$/);
		await expectNoAxeViolations(page, 'the citation dialog');
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(opener).toBeFocused();
	});

	test('an explainer is cited as an undated page of this site', async ({ page }) => {
		await page.clock.setFixedTime(TODAY);
		await page.goto('/explainers/what-nato-is/');
		await page.getByRole('button', { name: 'Share or cite this explainer' }).click();
		await page.getByRole('menuitem', { name: 'Cite this explainer…' }).click();
		const apa = page.getByRole('dialog').getByLabel('APA (7th edition)');
		await expect(apa).toContainText('(n.d.). The 2022 Security Talks. Retrieved March 20, 2026, from');
		await expect(apa.locator('i')).toHaveText(await page.getByRole('heading', { level: 1 }).innerText());
	});

	test('a timeline event: share its summary, cite it as a timeline entry', async ({ page, baseURL }) => {
		await page.clock.setFixedTime(TODAY);
		await page.setViewportSize({ width: 800, height: 900 });
		await page.goto('/timeline/#geneva-talks-open');
		const entry = page.locator('#geneva-talks-open');
		const summary = normalise(await entry.locator('.tl-summary').innerText());
		await entry.getByRole('button', { name: /^Share event/ }).click();
		await page.getByRole('menuitem', { name: 'Copy quote' }).click();
		await expect(page.getByRole('status')).toHaveText('Quote copied');
		expect(await clipboard(page)).toBe(
			`“${summary}” — US–Russia security talks open in Geneva, 10 January 2022, ${baseURL}/s/timeline/geneva-talks-open/`,
		);
		await entry.getByRole('button', { name: /^Share event/ }).click();
		await page.getByRole('menuitem', { name: 'Cite this event…' }).click();
		await expect(page.getByRole('dialog').getByLabel('Chicago (17th edition, bibliography)')).toHaveText(
			'“US–Russia security talks open in Geneva (10 January 2022).” Timeline entry. The 2022 Security Talks, n.d. Accessed March 20, 2026. http://localhost:4321/timeline/#geneva-talks-open.',
		);
	});

	test('an open menu passes axe, light and dark, and closes on a click elsewhere', async ({ page }) => {
		test.slow(); // two full axe runs
		await page.goto(ARTICLE);
		await page.getByRole('button', { name: 'Share paragraph 5', exact: true }).click();
		await expect(page.getByRole('menu')).toBeVisible();
		await page.emulateMedia({ colorScheme: 'light' });
		await expectNoAxeViolations(page, 'share menu (light)');
		await page.emulateMedia({ colorScheme: 'dark' });
		await expectNoAxeViolations(page, 'share menu (dark)');
		await page.locator('h1').click();
		await expect(page.getByRole('menu')).toHaveCount(0);
	});
});

test.describe('link to a selection', () => {
	test('selected words get a text-fragment link, reachable by keyboard and announced', async ({
		page,
		context,
		baseURL,
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(ARTICLE);
		// Select “the Russian demand of denying” in paragraph 1 with the mouse.
		await page.locator('#p1').scrollIntoViewIfNeeded();
		const box = await page.locator('#p1').evaluate((p) => {
			const node = p.firstChild!;
			const text = node.textContent!;
			const from = text.indexOf('the Russian demand');
			const range = document.createRange();
			range.setStart(node, from);
			range.setEnd(node, from + 1);
			const a = range.getBoundingClientRect();
			range.setStart(node, from + 'the Russian demand of denyin'.length);
			range.setEnd(node, from + 'the Russian demand of denying'.length);
			const b = range.getBoundingClientRect();
			return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
		});
		await page.mouse.move(box.x1, box.y1);
		await page.mouse.down();
		await page.mouse.move(box.x2, box.y2, { steps: 5 });
		await page.mouse.up();
		const expected = `${baseURL}${ARTICLE}#p1:~:text=the%20Russian%20demand%20of%20denying`;
		const button = page.getByRole('button', { name: 'Copy link to selection' });
		await expect(button).toBeVisible();
		await expect(page.getByRole('status')).toHaveText('Text selected. Copy link to selection is in the share menus.');
		await button.click();
		await expect(page.getByRole('status')).toHaveText('Link to selection copied');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
		await page.evaluate(() => navigator.clipboard.writeText(''));
		// From the keyboard: the selection stays while focus moves to a share button, whose menu offers it first.
		await page.getByRole('button', { name: 'Share paragraph 1', exact: true }).focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('menuitem').first()).toHaveText('Copy link to selection');
		await expect(page.getByRole('menuitem').first()).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status')).toHaveText('Link to selection copied');
		const link = await page.evaluate(() => navigator.clipboard.readText());
		expect(link).toBe(expected);
		// Without the words (or a browser that ignores them), it still lands on the paragraph.
		await page.goto(`${ARTICLE}#p1:~:text=words%20that%20are%20not%20there`);
		await expect(page.locator('#p1')).toBeInViewport();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('share controls are plain links to their anchors, and share pages still send readers on', async ({
		page,
		baseURL,
	}) => {
		await page.goto(ARTICLE);
		await expect(page.getByRole('link', { name: 'Link to paragraph 4', exact: true })).toHaveAttribute('href', '#p4');
		await expect(page.getByRole('link', { name: 'Link to this article' })).toHaveAttribute('href', ARTICLE);
		await expect(page.getByRole('menu')).toHaveCount(0);
		await page.goto(`/s${ARTICLE}p4/`);
		await expect(page).toHaveURL(`${baseURL}${ARTICLE}#p4`);
		await expect(page.locator('#p4')).toBeInViewport();
	});
});

test.describe('quote share page', () => {
	test('shows the passage and a link on, and passes axe', async ({ page }) => {
		test.slow(); // two full axe runs
		// Stop the refresh from leaving the page, to look at it.
		await page.route(`**${ARTICLE}`, (route) => route.abort('aborted'));
		await page.goto(`/s${ARTICLE}p13/`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
		await expect(page.locator('blockquote')).toContainText('Grushko said');
		await expect(page.getByRole('link', { name: 'Read paragraph 13 in context' })).toHaveAttribute(
			'href',
			`${ARTICLE}#p13`,
		);
		await page.emulateMedia({ colorScheme: 'light' });
		await expectNoAxeViolations(page, 'a quote share page (light)');
		await page.emulateMedia({ colorScheme: 'dark' });
		await expectNoAxeViolations(page, 'a quote share page (dark)');
	});
});
