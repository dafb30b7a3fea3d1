/**
 * Reading first (issue 9): the source text on the first screen, notes and backlinks that open on
 * demand and never bury it, one grid for every page, citation previews on touch, and no layout
 * shift.
 */
import { expect, test, type Page } from '@playwright/test';
import { numberNotes } from '../../src/lib/notes';
import { loadArticles, validateEventsFile } from '../helpers/content';
import { expectNoAxeViolations } from '../helpers/site';

const articles = loadArticles();
const GENEVA = '/articles/stoltenberg-open-door-geneva-talks-begin/';
const EXPLAINER = '/explainers/negotiation-rounds/';

const PHONE = { width: 360, height: 800 };
const LAPTOP = { width: 1280, height: 900 };

/** Distance from the top of the page to the top of an element, in CSS pixels. */
const pageTop = (page: Page, selector: string) =>
	page.locator(selector).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);

test.describe('the first screen', () => {
	for (const [size, viewport, limit] of [
		['phone', PHONE, 800],
		['laptop', LAPTOP, 650],
	] as const) {
		test(`on a ${size}, every article's first source paragraph starts within ${limit} px`, async ({ page }) => {
			await page.setViewportSize(viewport);
			for (const article of articles) {
				await page.goto(`/articles/${article.id}/`);
				const top = await pageTop(page, '#p1');
				expect(top, `${article.id}: first paragraph at ${Math.round(top)} px`).toBeLessThanOrEqual(limit);
			}
		});
	}

	test('the byline gives the date, translation, the number of notes and the reading time', async ({ page }) => {
		await page.goto(GENEVA);
		const byline = page.locator('.byline');
		await expect(byline).toHaveText(
			/^10 January 2022\u00a0· Translation\u00a0· 11 editor’s notes\u00a0· \d+ min read\u00a0· Updated 1 December 2026$/,
		);
		// The count leads to the first note in reading order, and opens it.
		await byline.getByRole('link', { name: '11 editor’s notes' }).click();
		await expect(page.locator('#p1-note-1')).toBeVisible();
		await expect(page.locator('#p1-note-1')).toContainText('Ukraine’s foreign minister was Dmytro Kuleba');
	});

	test('the record is one line until opened, and holds the evidence, furniture and raw text', async ({ page }) => {
		await page.goto(GENEVA);
		const record = page.locator('details.record');
		const evidence = record.getByText(articles.find((a) => GENEVA.includes(a.id))!.data.dateEvidence);
		await expect(evidence).toBeHidden();
		expect((await record.boundingBox())!.height).toBeLessThan(60);
		await record.locator('summary').focus();
		await page.keyboard.press('Enter');
		await expect(evidence).toBeVisible();
		await expect(record).toContainText('Suggest this for the front page');
		await expect(record.getByRole('link', { name: 'Read it as collected' })).toHaveAttribute(
			'href',
			'/sources/004_8be09b109b37723c.txt',
		);
	});
});

test.describe('editor’s notes', () => {
	test('are numbered in reading order and fold to one line each; the text outweighs them', async ({ page }) => {
		await page.setViewportSize(PHONE);
		for (const article of articles) {
			await page.goto(`/articles/${article.id}/`);
			const numbers = await page.locator('.editor-note summary .n').allTextContents();
			expect(numbers).toEqual(numberNotes(article.data.notes).map((n) => `Editor’s Note ${n.n}`));
			const heights = await page.locator('.editor-note').evaluateAll((els) => els.map((e) => e.clientHeight));
			for (const h of heights) expect(h, article.id).toBeLessThanOrEqual(50);
			const sum = (sel: string) =>
				page.locator(sel).evaluateAll((els) => els.reduce((n, e) => n + e.getBoundingClientRect().height, 0));
			expect(await sum('.para .aside'), article.id).toBeLessThan((await sum('.para .text')) / 2);
		}
	});

	test('open in place by keyboard, and close again', async ({ page }) => {
		await page.goto(GENEVA);
		const note = page.locator('.para[data-paragraph="p1"]').getByRole('note').nth(1);
		const summary = note.locator('summary');
		const body = page.locator('#p1-note-2');
		await expect(body).toBeHidden();
		await summary.focus();
		await page.keyboard.press('Enter');
		await expect(body).toBeVisible();
		await expect(body).toContainText('Olha Stefanishyna');
		await expect(body.getByRole('link')).toHaveAttribute(
			'href',
			'/articles/stoltenberg-no-compromise-on-membership/#p2',
		);
		await page.keyboard.press('Space');
		await expect(body).toBeHidden();
	});

	test('sit in the margin beside their paragraph on wide screens, and under it on phones', async ({ page }) => {
		await page.setViewportSize(LAPTOP);
		await page.goto(GENEVA);
		const text = (await page.locator('.para[data-paragraph="p1"] .text').boundingBox())!;
		const notes = (await page.locator('.para[data-paragraph="p1"] .notes').boundingBox())!;
		expect(notes.x).toBeGreaterThanOrEqual(text.x + text.width);
		expect(Math.abs(notes.y - text.y)).toBeLessThan(24);
		expect(notes.x + notes.width).toBeLessThanOrEqual(LAPTOP.width);

		await page.setViewportSize(PHONE);
		const textPhone = (await page.locator('.para[data-paragraph="p1"] .text').boundingBox())!;
		const notesPhone = (await page.locator('.para[data-paragraph="p1"] .notes').boundingBox())!;
		expect(notesPhone.y).toBeGreaterThanOrEqual(textPhone.y + textPhone.height - 8);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('open on click, and a link to a note opens it', async ({ page }) => {
			await page.goto(GENEVA);
			await page.locator('.para[data-paragraph="p5"] summary').first().click();
			await expect(page.locator('#p5-note-1')).toBeVisible();
			await expect(page.locator('#p5-note-1')).toContainText('Bucharest summit of April 2008');
			await page.goto(`${GENEVA}#p11-note-2`);
			await expect(page.locator('#p11-note-2')).toBeVisible();
			await expect(page.locator('#p11-note-2')).toBeInViewport();
		});
	});
});

test.describe('cited in', () => {
	test('each explainer section once per paragraph, short, and folded past one link', async ({ page }) => {
		for (const article of articles) {
			await page.goto(`/articles/${article.id}/`);
			const blocks = await page.locator('.para .cited-in').evaluateAll((els) =>
				els.map((el) => ({
					links: [...el.querySelectorAll('li, p')].flatMap((line) => {
						const explainer = line.querySelector('.explainer')?.textContent ?? '';
						return [...line.querySelectorAll('a')].map((a) => `${explainer} › ${a.textContent}`);
					}),
					folded: !!el.querySelector('details:not([open])'),
				})),
			);
			for (const { links, folded } of blocks) {
				expect(new Set(links).size, `${article.id}: ${links.join(' | ')}`).toBe(links.length);
				expect(folded, `${article.id}: ${links.join(' | ')}`).toBe(links.length > 1);
				for (const link of links) expect(link.length).toBeLessThan(80);
			}
		}
	});

	test('a folded list opens, and its links land on the citation', async ({ page }) => {
		await page.goto('/articles/nato-russia-council-rejects-key-demands/');
		const folded = page.locator('.para .cited-in details').first();
		await folded.locator('summary').click();
		const link = folded.getByRole('link').first();
		await expect(link).toBeVisible();
		await link.click();
		await expect(page).toHaveURL(/\/explainers\/[a-z-]+\/#cite-\d+-\d+$/);
	});
});

test.describe('one grid', () => {
	const PAGES = [GENEVA, EXPLAINER, '/people/jens-stoltenberg/', '/people/', '/articles/', '/explainers/', '/404.html'];

	for (const viewport of [PHONE, LAPTOP]) {
		test(`every page type's heading starts at the same place at ${viewport.width} px`, async ({ page }) => {
			await page.setViewportSize(viewport);
			const lefts: Record<string, number> = {};
			for (const path of PAGES) {
				await page.goto(path);
				lefts[path] = Math.round((await page.getByRole('heading', { level: 1 }).boundingBox())!.x);
			}
			expect(new Set(Object.values(lefts)).size, JSON.stringify(lefts)).toBe(1);
		});
	}

	test('on wide screens an explainer’s “On this page” stays in view in the margin', async ({ page }) => {
		await page.setViewportSize(LAPTOP);
		await page.goto(EXPLAINER);
		const toc = page.getByRole('navigation', { name: 'On this page' });
		const text = (await page.locator('.body .para').first().boundingBox())!;
		await page.locator('#sources').scrollIntoViewIfNeeded();
		await expect(toc.getByRole('list')).toBeInViewport();
		expect((await toc.boundingBox())!.x).toBeGreaterThanOrEqual(text.x + text.width);
	});
});

test.describe('citation previews on a touch screen', () => {
	test.use({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });

	/** A real tap at the middle of the marker's box (locator.tap() aims from the raised inline box's quads
	 * and lands on the list item; the browser's own hit test finds the marker at its middle). */
	const tap = async (page: Page, locator: ReturnType<Page['locator']>) => {
		await locator.scrollIntoViewIfNeeded();
		const box = (await locator.boundingBox())!;
		await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
	};

	test('a tap opens the preview with a link to the paragraph; the page stays', async ({ page }) => {
		await page.goto(EXPLAINER);
		const marker = page.getByRole('link', { name: 'Source [1]' }).first();
		const href = (await marker.getAttribute('href'))!;
		// The very first tap: the preview's code is not loaded yet, and loads from this tap.
		await tap(page, marker);
		const preview = page.getByRole('dialog', { name: 'Cited passage' });
		await expect(preview).toBeVisible();
		await expect(preview).toContainText('As you know, today a meeting of the NATO-Ukraine Commission');
		await expect(page).toHaveURL(new RegExp(`${EXPLAINER}$`));
		const box = (await preview.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(360);
		await expectNoAxeViolations(page, `${EXPLAINER} with a tapped preview open`);

		// A tap elsewhere closes it; another marker opens its own.
		await page.locator('h1').tap();
		await expect(preview).toBeHidden();
		await tap(page, page.getByRole('link', { name: 'Source [4]' }).first());
		await expect(preview).toContainText('paragraph 5 (about 13 January 2022)');

		await tap(page, page.getByRole('link', { name: 'Source [1]' }).first());
		await preview.getByRole('link', { name: 'Read it in the source' }).tap();
		await expect(page).toHaveURL(new RegExp(`${href.replace(/[/#]/g, (c) => `\\${c}`)}$`));
		await expect(page.locator(href.slice(href.indexOf('#')))).toBeInViewport();
	});

	test('Escape closes a tapped preview', async ({ page }) => {
		await page.goto(EXPLAINER);
		await tap(page, page.getByRole('link', { name: 'Source [1]' }).first());
		const preview = page.getByRole('dialog', { name: 'Cited passage' });
		await expect(preview).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(preview).toBeHidden();
	});
});

test.describe('people', () => {
	const events = validateEventsFile('src/content/events.yaml').events;

	test('a person’s page lists every timeline event that names them, linking to it', async ({ page }) => {
		for (const id of ['jens-stoltenberg', 'sergei-ryabkov', 'volodymyr-zelenskyy']) {
			const named = events.filter((e) => e.people.includes(id)).map((e) => `/timeline/#${e.id}`);
			expect(named.length, id).toBeGreaterThan(0);
			await page.goto(`/people/${id}/`);
			const links = await page
				.locator('#in-timeline + ul a')
				.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
			expect(links.toSorted(), id).toEqual(named.toSorted());
		}
		await page.locator('#in-timeline + ul a').first().click();
		await expect(page).toHaveURL(/\/timeline\/#[a-z0-9-]+$/);
		await expect(page.locator(new URL(page.url()).hash)).toBeAttached();
	});
});

test.describe('no layout shift', () => {
	for (const path of [GENEVA, EXPLAINER, '/people/jens-stoltenberg/', '/articles/']) {
		for (const viewport of [PHONE, LAPTOP]) {
			test(`${path} at ${viewport.width} px: cumulative layout shift is 0`, async ({ page }) => {
				await page.setViewportSize(viewport);
				// Watch from the first byte: every layout shift the page makes while it loads and its scripts run.
				await page.addInitScript(() => {
					const seen: string[] = [];
					(window as unknown as { shifts: string[] }).shifts = seen;
					new PerformanceObserver((list) => {
						for (const e of list.getEntries() as unknown as {
							value: number;
							sources: { node?: Node; previousRect: DOMRect; currentRect: DOMRect }[];
						}[]) {
							const at = (r: DOMRect) =>
								`${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
							const what = e.sources.map(
								(s) =>
									`${(s.node as Element | undefined)?.outerHTML?.slice(0, 60) ?? s.node?.nodeName} ${at(s.previousRect)} → ${at(s.currentRect)}`,
							);
							seen.push(`${e.value.toFixed(4)}: ${what.join(' | ')}`);
						}
					}).observe({ type: 'layout-shift', buffered: true });
				});
				await page.goto(path, { waitUntil: 'networkidle' });
				await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
				const shifts = await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts);
				expect(shifts).toEqual([]);
			});
		}
	}
});

test.describe('accessibility with things open', () => {
	for (const scheme of ['light', 'dark'] as const) {
		test(`an article with its record, a note and a folded backlink list open (${scheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(GENEVA);
			await page.locator('details.record summary').click();
			await page.locator('.editor-note summary').first().click();
			await page.locator('.cited-in summary').first().click();
			await expectNoAxeViolations(page, `${GENEVA} opened (${scheme})`);
		});
	}
});
