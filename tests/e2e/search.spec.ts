/**
 * Site search, end to end, against the built site and its real Pagefind index. The index checks
 * walk every record, so they cover explainers, people and timeline events as soon as they exist.
 */
import { gzipSync } from 'node:zlib';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { extractParagraphs } from '../../src/lib/paragraphs';
import { SEARCH_TYPE_IDS } from '../../src/lib/search';
import { loadArticles } from '../helpers/content';
import { expectNoAxeViolations, normalise } from '../helpers/site';

const ARTICLE = '/articles/nato-russia-council-rejects-key-demands/';

interface IndexedRecord {
	url: string;
	content: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
	anchors: { id: string }[];
}

/** Every record in the index, straight from Pagefind's own API. */
async function allRecords(page: Page): Promise<IndexedRecord[]> {
	await page.goto('/404.html');
	return page.evaluate(async () => {
		const url = '/pagefind/pagefind.js';
		const pagefind = (await import(url)) as {
			search(term: null): Promise<{ results: { data(): Promise<IndexedRecord> }[] }>;
		};
		const { results } = await pagefind.search(null);
		return Promise.all(results.map((r) => r.data()));
	});
}

/** Which type each kind of address must be; other addresses are 'page'. */
function expectedType(url: string): string {
	if (/^\/articles\/[^/]+\/$/.test(url)) return 'article';
	if (/^\/explainers\/.+/.test(url)) return 'explainer';
	if (/^\/people\/[^/]+\/$/.test(url)) return 'person';
	if (/^\/timeline\/#.+/.test(url)) return 'event';
	if (/^\/corrections\/#.+/.test(url)) return 'correction';
	return 'page';
}

/** Records texts written into the search's live region. */
async function recordAnnouncements(page: Page) {
	await page.evaluate(() => {
		const w = window as unknown as { announced: string[] };
		w.announced = [];
		new MutationObserver(() => {
			for (const region of document.querySelectorAll('[data-search-announcer]')) {
				const text = region.textContent?.trim();
				if (text && w.announced.at(-1) !== text) w.announced.push(text);
			}
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	return () => page.evaluate(() => (window as unknown as { announced: string[] }).announced);
}

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search the site' });
const results = (page: Page) => page.getByRole('list', { name: 'Search results' });
/**
 * Whether the page behind the dialog can scroll. Polled, never read once: the dialog hides the moment it
 * closes, but its `close` event (which unlocks the page) comes a task later.
 */
const pageOverflow = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).overflowY);
/** The line that says what was found (the page's, or the dialog's when it is open). */
const summary = (page: Page) =>
	page.locator('[data-search-area] [data-search-status], dialog[open] [data-search-status]');

// The engine's WebAssembly compiles on the page's thread: on a busy machine, allow it time.
// (Patience, not a timing assertion: nothing here fails for being slow within these bounds.)
test.describe.configure({ timeout: 120_000 });
test.use({ actionTimeout: 30_000 });
// configure() returns a new expect; calling it alone would leave the 5 s default in place.
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe('the index', () => {
	test('every record has a title, one known type matching its address, and dated records a month', async ({ page }) => {
		const records = await allRecords(page);
		expect(records.length).toBeGreaterThanOrEqual(7);
		for (const r of records) {
			expect(r.meta.title, r.url).toBeTruthy();
			expect(r.filters.type, r.url).toHaveLength(1);
			expect(SEARCH_TYPE_IDS, r.url).toContain(r.filters.type?.[0]);
			expect(r.filters.type?.[0], `type of ${r.url}`).toBe(expectedType(r.url));
			if (r.meta.date) expect(r.filters.month, r.url).toEqual([r.meta.date.slice(0, 7)]);
			if (r.filters.type?.[0] !== 'page') expect(r.meta.date ?? r.filters.type?.[0], r.url).toBeTruthy();
		}
		// Pages that are not content stay out.
		const urls = records.map((r) => r.url);
		expect(urls).not.toContain('/search/');
		expect(urls.some((u) => u.includes('404'))).toBe(false);
	});

	test('every source article is a result, filed under its date, sources and people', async ({ page }) => {
		const records = await allRecords(page);
		for (const article of loadArticles()) {
			const record = records.find((r) => r.url === `/articles/${article.id}/`);
			expect(record, article.id).toBeDefined();
			expect(record?.meta.title).toBe(article.data.title);
			expect(record?.meta.date).toBe(article.data.published.toISOString().slice(0, 10));
			expect(record?.filters.source).toEqual([article.id]);
			expect([...(record?.filters.person ?? [])].sort()).toEqual([...article.data.people].sort());
		}
	});

	test('every record and every anchor it can link to exists on the page it names', async ({ page, request }) => {
		const records = await allRecords(page);
		const html = new Map<string, string>();
		for (const r of records) {
			const [path = '/', hash] = r.url.split('#');
			if (!html.has(path)) {
				const response = await request.get(path);
				expect(response.status(), path).toBe(200);
				html.set(path, await response.text());
			}
			for (const id of [hash, ...r.anchors.map((a) => a.id)].filter(Boolean)) {
				expect(html.get(path), `${path}#${id}`).toContain(`id="${id}"`);
			}
		}
	});

	test('page furniture (header, footer, navigation, controls) never produces a result', async ({ page }) => {
		await page.goto(ARTICLE);
		// Every piece of text in the site's chrome, and in the controls inside the content.
		const chrome = await page.locator('.site-header, .site-footer, .skip-link, theme-toggle').evaluateAll((els) =>
			els.flatMap((el) => {
				const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
				const texts: string[] = [];
				while (walker.nextNode()) texts.push(walker.currentNode.textContent ?? '');
				return texts;
			}),
		);
		// Navigation inside the content (the pager) as it reads: "Earlier" and a title.
		const pager = await page.locator('main nav a').allTextContents();
		const phrases = [...new Set([...chrome, ...pager].map(normalise))].filter((t) => t.split(' ').length >= 2);
		expect(phrases).toEqual(expect.arrayContaining(['Skip to content', 'RSS feed', 'All source articles']));
		expect(phrases.some((p) => p.startsWith('Earlier '))).toBe(true);
		const records = await allRecords(page);
		for (const record of records) {
			const content = normalise(record.content);
			for (const phrase of phrases) expect(content, `${record.url} contains “${phrase}”`).not.toContain(phrase);
		}
		// And, through the interface, words only the chrome uses find nothing.
		await page.goto('/search/?q=rss+feed');
		await expect(summary(page)).toHaveText(/^No results for “rss feed”/);
	});
});

test.describe('the search page', () => {
	test('a ?q= link opens with its results, and the field holds the query', async ({ page }) => {
		await page.goto('/search/?q=kulba');
		await expect(page.getByRole('searchbox', { name: 'Words or names to look for' })).toHaveValue('kulba');
		await expect(summary(page)).toHaveText(/^\d+ results? for “kulba”$/);
		await expect(
			results(page).locator('a.search-result-link[href^="/articles/stoltenberg-open-door-geneva-talks-begin/"]'),
		).toBeVisible();
		await expect(page).toHaveTitle(/^“kulba”: Search · /);
	});

	test('with nothing asked it shows a hint, not the whole site, and clearing the field returns to it', async ({
		page,
	}) => {
		await page.goto('/search/');
		const status = summary(page);
		await expect(status).toHaveText(/^Type a word or a name/);
		await expect(results(page).locator('.search-result')).toHaveCount(0);
		// The filters already list what there is.
		await expect(page.getByRole('radio', { name: /^Source articles\s+5$/ })).toBeVisible();
		const field = page.getByRole('searchbox', { name: 'Words or names to look for' });
		await field.fill('nato');
		await expect(status).toHaveText(/results for “nato”$/);
		await field.fill('');
		await expect(status).toHaveText(/^Type a word or a name/);
		await expect(results(page).locator('.search-result')).toHaveCount(0);
		await expect(page).toHaveURL(/\/search\/$/);
	});

	test('a phrase found in only one paragraph links to that paragraph’s anchor', async ({ page }) => {
		const phrase = 'absolutely imperative';
		const holders = loadArticles().flatMap((a) =>
			extractParagraphs(a.body)
				.filter((p) => p.text.includes(phrase))
				.map((p) => `${a.id}#${p.id}`),
		);
		expect(holders).toEqual(['nato-russia-council-rejects-key-demands#p13']);

		await page.goto(`/search/?q=${encodeURIComponent(`"${phrase}"`)}`);
		const link = results(page).getByRole('link', { name: 'Paragraph 13' });
		await expect(link).toHaveAttribute('href', /^\/articles\/nato-russia-council-rejects-key-demands\/\?.*#p13$/);
	});

	test('pages with the words in their title rank above passing mentions', async ({ page }) => {
		const titled = loadArticles()
			.filter((a) => /compromise/i.test(a.data.title))
			.map((a) => `/articles/${a.id}/`);
		expect(titled).toHaveLength(2);
		await page.goto('/search/?q=compromise');
		const links = results(page).locator('.search-result-link');
		await expect.poll(() => links.count()).toBeGreaterThan(2);
		// Results whose title has the word (the two articles, and timeline events titled with it) come
		// before every result that only mentions it.
		const found = await links.evaluateAll((as) =>
			as.map((a) => ({ href: a.getAttribute('href')?.replace(/[?#].*$/, '') ?? '', title: a.textContent ?? '' })),
		);
		// Corrections carry the title of the page they correct: records about pages, they rank below
		// the pages' own results (KIND_WEIGHTS), so they are left out of this comparison.
		const pages = found.filter((r) => r.href !== '/corrections/');
		const firstPassing = pages.findIndex((r) => !/compromise/i.test(r.title));
		const lastTitled = pages.map((r) => /compromise/i.test(r.title)).lastIndexOf(true);
		expect(firstPassing === -1 || lastTitled < firstPassing, JSON.stringify(found, null, 1)).toBe(true);
		expect(pages.slice(0, lastTitled + 1).map((r) => r.href)).toEqual(expect.arrayContaining(titled));
	});

	test('filters narrow the results, and sorting puts them in date order', async ({ page }) => {
		await page.goto('/search/?q=nato');
		const status = summary(page);
		await expect(status).toHaveText(/^\d+ results for “nato”$/);
		const all = Number((await status.textContent())?.match(/\d+/)?.[0]);

		await page.getByLabel('Person or organisation').selectOption('wendy-sherman');
		await expect(page).toHaveURL(/\?q=nato&person=wendy-sherman$/);
		const withSherman = loadArticles().filter((a) => a.data.people.includes('wendy-sherman'));
		await expect.poll(async () => Number((await status.textContent())?.match(/\d+/)?.[0])).toBeLessThan(all);
		await page.getByRole('radio', { name: /^Source articles/ }).check();
		await expect(status).toHaveText(`${withSherman.length} results for “nato”`);
		const titles = await results(page).locator('.search-result-link').allTextContents();
		expect(titles.sort()).toEqual(withSherman.map((a) => a.data.title).sort());

		await page.getByRole('radio', { name: /^Other pages/ }).check();
		await expect(status).toHaveText(/^No results for “nato”/);
		await page.getByRole('button', { name: 'Clear filters' }).click();
		await expect(status).toHaveText(`${all} results for “nato”`);

		// Filters alone browse: every source article, oldest first.
		await page.goto('/search/?type=article&sort=oldest');
		await expect(status).toHaveText('5 results');
		await expect(page.getByLabel('Order')).toHaveValue('oldest');
		const dates = await results(page).locator('.search-result-eyebrow').allTextContents();
		const expected = [...loadArticles()]
			.sort((a, b) => a.data.published.getTime() - b.data.published.getTime())
			.map((a) => a.data.published.toISOString().slice(0, 10));
		expect(dates).toHaveLength(5);
		const parsed = dates.map((d) => new Date(`${d.replace(/^.*· (about )?/i, '')} UTC`).toISOString().slice(0, 10));
		expect(parsed).toEqual(expected);
	});

	test('back and forward restore the query, filters and order', async ({ page }) => {
		await page.goto('/search/');
		const field = page.getByRole('searchbox', { name: 'Words or names to look for' });
		await field.fill('stoltenberg');
		await expect(page).toHaveURL(/\?q=stoltenberg$/);
		await page.getByLabel('Month').selectOption('2022-01');
		await expect(page).toHaveURL(/\?q=stoltenberg&month=2022-01$/);
		await page.getByLabel('Order').selectOption('newest');
		await expect(page).toHaveURL(/\?q=stoltenberg&month=2022-01&sort=newest$/);

		await page.goBack();
		await expect(page).toHaveURL(/\?q=stoltenberg&month=2022-01$/);
		await expect(page.getByLabel('Order')).toHaveValue('relevance');
		await page.goBack();
		await expect(page).toHaveURL(/\?q=stoltenberg$/);
		await expect(page.getByLabel('Month')).toHaveValue('');
		await expect(field).toHaveValue('stoltenberg');
		await expect(summary(page)).toHaveText(/results? for “stoltenberg”$/);
		await page.goForward();
		await expect(page.getByLabel('Month')).toHaveValue('2022-01');
		await expect(summary(page)).toHaveText(/results? for “stoltenberg”$/);
	});

	test('a filter the site doesn’t have is dropped from the address, with a notice, and the search still runs', async ({
		page,
	}) => {
		await page.goto('/search/?q=nato&type=bogus&month=1999-01');
		const notice = page.getByRole('status').filter({ hasText: 'This link asked for' });
		await expect(notice).toHaveText(
			'This link asked for type “bogus” and month “1999-01”, which this site doesn’t have, so those filters are not applied.',
		);
		await expect(summary(page)).toHaveText(/^\d+ results for “nato”$/);
		await expect(page).toHaveURL(/\/search\/\?q=nato$/);
		await expect(page.getByRole('radio', { name: /^All types/ })).toBeChecked();
		// A malformed value is dropped the same way.
		await page.goto('/search/?q=nato&person=Not%20An%20Id!');
		await expect(page.getByText('This link asked for person “Not An Id!”')).toBeVisible();
		await expect(summary(page)).toHaveText(/^\d+ results for “nato”$/);
	});

	test('a word that finds nothing offers the nearest word on the site, with its results', async ({ page }) => {
		await page.goto('/search/?q=Stoltenburg');
		await expect(summary(page)).toHaveText(
			/^No results for “Stoltenburg”\. Did you mean stoltenberg\? Showing \d+ results for it\.$/,
		);
		const first = results(page).locator('a.search-result-link').first();
		await expect(first).toHaveAttribute('href', /\?highlight=stoltenberg(#|$)/);
		await summary(page).getByRole('button', { name: 'stoltenberg' }).click();
		await expect(page.getByRole('searchbox', { name: 'Words or names to look for' })).toHaveValue('stoltenberg');
		await expect(page).toHaveURL(/\?q=stoltenberg$/);
		await expect(summary(page)).toHaveText(/^\d+ results for “stoltenberg”$/);
	});

	test('another spelling of a name finds the person and highlights the site’s spelling', async ({ page }) => {
		await page.goto('/search/?q=Zelenskiy');
		const card = results(page).locator('a.search-result-link[href^="/people/volodymyr-zelenskyy/"]');
		await expect(card).toHaveAttribute('href', '/people/volodymyr-zelenskyy/?highlight=zelenskyy');
		const hrefs = await results(page)
			.locator('a.search-result-link')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(hrefs.slice(0, 3)).toContain('/articles/zelenskyy-ukraine-may-not-join-nato/?highlight=zelenskyy');
	});

	test('a malformed escape in the address breaks neither the search page nor a highlighted page', async ({ page }) => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto('/search/?q=%E0%A4%A#%E0%A4%A');
		// The query is whatever the browser decodes it to; the page answers it rather than failing.
		await expect(summary(page)).toHaveText(/^No results for “/);
		await page.getByRole('searchbox', { name: 'Words or names to look for' }).fill('geneva');
		await expect(summary(page)).toHaveText(/results? for “geneva”$/);
		await page.goto(`${ARTICLE}?highlight=grushko#%E0%A4%A`);
		// Marked, and the one scrolled to is one the reader can see (not inside a folded note or byline).
		await expect(page.locator('mark.search-hit-first')).toBeVisible();
		await expect(page.locator('mark.search-hit-first')).toHaveText('Grushko');
		expect(errors).toEqual([]);
	});

	test('labels that break out of their data island cannot stop the search page', async ({ page }) => {
		// As if a title held “</script>” and escaping were lost: the island's JSON is cut short.
		await page.route('**/search/', async (route) => {
			const response = await route.fetch();
			const html = (await response.text()).replace(
				/(<script type="application\/json" id="search-labels">)[^<]*/,
				'$1{"person":{"x":"',
			);
			await route.fulfill({ response, body: html });
		});
		await page.goto('/search/');
		await expect(summary(page)).toHaveText(/^Type a word or a name/);
		await page.getByRole('searchbox', { name: 'Words or names to look for' }).fill('kulba');
		await expect(summary(page)).toHaveText(/results? for “kulba”$/);
	});

	test('here the shortcuts go to the page’s own field, and the header’s Search stays a link to this page', async ({
		page,
	}) => {
		await page.goto('/search/?q=nato');
		const field = page.getByRole('searchbox', { name: 'Words or names to look for' });
		await expect(summary(page)).toHaveText(/results for “nato”$/);
		await results(page).getByRole('link').first().focus();
		await page.keyboard.press('/');
		await expect(field).toBeFocused();
		await page.getByLabel('Order').focus();
		await page.keyboard.press('Control+K');
		await expect(field).toBeFocused();
		await expect(page.getByRole('dialog')).toHaveCount(0);
		await expect(page.getByRole('link', { name: 'Search', exact: true })).toHaveAttribute('aria-current', 'page');
	});

	test('without JavaScript it says search needs it and links to every page another way', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/search/?q=nato');
		await expect(page.getByText('Search needs JavaScript')).toBeVisible();
		await expect(page.getByRole('link', { name: 'all five source articles' })).toHaveAttribute('href', '/articles/');
		await expect(page.getByRole('link', { name: 'the sitemap' })).toHaveAttribute('href', '/sitemap-index.xml');
		await expect(page.getByRole('searchbox')).toBeHidden();
		// Elsewhere, the header's Search is a plain link to that page.
		await page.goto(ARTICLE);
		await expect(page.getByRole('link', { name: 'Search' })).toHaveAttribute('href', '/search/');
		await context.close();
	});
});

test.describe('the search dialog', () => {
	test('Ctrl+K opens it, a query finds the expected article, and the count is announced', async ({ page }) => {
		await page.goto('/');
		await page.keyboard.press('Control+K');
		await expect(dialog(page)).toBeVisible();
		const field = dialog(page).getByRole('searchbox', { name: 'Search the site' });
		await expect(field).toBeFocused();
		const announced = await recordAnnouncements(page);
		await field.pressSequentially('Arakhamia');
		const link = results(page).locator('a.search-result-link[href^="/articles/ukraine-open-to-non-nato-models/"]');
		await expect(link).toHaveAttribute('href', /^\/articles\/ukraine-open-to-non-nato-models\/\?highlight=arakhamia$/i);
		await expect.poll(async () => (await announced()).some((a) => /^\d+ results? for “Arakhamia”$/.test(a))).toBe(true);
		// ↓ moves from the field into the results.
		await field.press('ArrowDown');
		await expect(results(page).locator('a.search-result-link').first()).toBeFocused();
	});

	test('typed key by key, every result links with a highlight of exactly the words then in the field', async ({
		page,
	}) => {
		await page.goto(ARTICLE);
		await page.keyboard.press('Control+K');
		const field = dialog(page).getByRole('searchbox');
		let typed = '';
		for (const key of 'Grushko') {
			await field.press(key);
			typed += key;
			if (typed.length < 2) {
				// One letter would match most of the site: the dialog waits for a second, and lists nothing.
				await expect(summary(page)).toHaveText(/^Words or names/);
				await expect(dialog(page).locator('.search-results a[href]')).toHaveCount(0);
				continue;
			}
			// Once the results say they are for what is in the field, every link must highlight that.
			await expect(summary(page)).toHaveText(new RegExp(`(results? for|No results for) “${typed}”`));
			const hrefs = await dialog(page)
				.locator('.search-results a[href]')
				.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
			for (const href of hrefs) {
				const words = new URL(href, 'http://x').searchParams.getAll('highlight');
				expect(words, `${href} after typing “${typed}”`).toEqual([typed.toLowerCase()]);
			}
		}
		// And at an ordinary speed, without waiting between keys, the last word wins.
		await field.fill('');
		await field.pressSequentially('Grushko', { delay: 80 });
		await expect(summary(page)).toHaveText(/results? for “Grushko”$/);
		const hrefs = await dialog(page)
			.locator('.search-results a[href]')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs.length).toBeGreaterThan(3);
		for (const href of hrefs) expect(new URL(href, 'http://x').searchParams.getAll('highlight')).toEqual(['grushko']);
		// Excerpts mark the word only, not the stop or comma Pagefind marks with it (“Grushko.”).
		const marked = await results(page).locator('mark').allTextContents();
		expect(marked.length).toBeGreaterThan(3);
		expect([...new Set(marked)]).toEqual(['Grushko']);
	});

	test('pointing at or focusing the search button starts loading search before it is opened', async ({ page }) => {
		const requested: string[] = [];
		page.on('request', (r) => requested.push(new URL(r.url()).pathname));
		await page.goto(ARTICLE);
		expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
		await page.getByRole('button', { name: 'Search' }).hover();
		await expect.poll(() => requested.some((p) => /\/pagefind\/wasm\.\w+\.pagefind$/.test(p))).toBe(true);
		await expect(dialog(page)).toBeHidden();
	});

	test('"/" opens it from the page but not while typing, and Escape closes it, returning focus', async ({ page }) => {
		await page.goto(ARTICLE);
		const opener = page.getByRole('link', { name: 'Skip to content' });
		await opener.focus();
		await page.keyboard.press('/');
		await expect(dialog(page)).toBeVisible();
		const field = dialog(page).getByRole('searchbox');
		await expect(field).toBeFocused();
		await field.pressSequentially('a/b');
		await expect(field).toHaveValue('a/b');
		await page.keyboard.press('Escape');
		await expect(dialog(page)).toBeHidden();
		await expect(opener).toBeFocused();
	});

	test('Ctrl+K opens it at once: words typed straight after, while its code still loads, are all searched', async ({
		page,
	}) => {
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_astro/DialogScript.*.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(ARTICLE);
		await page.keyboard.press('Control+K');
		await page.keyboard.type('stoltenberg');
		await expect(dialog(page).getByRole('searchbox')).toHaveValue('stoltenberg');
		await expect.poll(() => pageOverflow(page)).toBe('hidden');
		release();
		await expect(results(page).locator('.search-result').first()).toBeVisible();
		await expect(results(page)).toContainText('Stoltenberg');
		await page.keyboard.press('Escape');
		await expect(dialog(page)).toBeHidden();
		await expect.poll(() => pageOverflow(page)).not.toBe('hidden');
	});

	test('before its code has loaded, Escape (even with words typed), Close and the backdrop close it, and Enter searches', async ({
		page,
	}) => {
		// Held for the whole test: what a reader meets on a slow connection or a busy machine.
		await page.route('**/_astro/DialogScript.*.js', () => {});
		await page.goto(ARTICLE);
		const opener = page.getByRole('link', { name: 'Skip to content' });
		const field = dialog(page).getByRole('searchbox');

		await opener.focus();
		await page.keyboard.press('/');
		await page.keyboard.type('nato');
		await expect(field).toHaveValue('nato');
		await page.keyboard.press('Escape');
		await expect(dialog(page)).toBeHidden();
		await expect(opener).toBeFocused();
		await expect.poll(() => pageOverflow(page)).not.toBe('hidden');

		await page.keyboard.press('Control+K');
		await expect(field).toBeFocused();
		await dialog(page).getByRole('button', { name: 'Close' }).click();
		await expect(dialog(page)).toBeHidden();

		await page.keyboard.press('Control+K');
		await expect(field).toBeFocused();
		// The backdrop: the top-left corner of the viewport, outside the panel.
		await page.mouse.click(2, 2);
		await expect(dialog(page)).toBeHidden();
		await expect.poll(() => pageOverflow(page)).not.toBe('hidden');

		// Enter with nothing typed stays; with words, it asks the search page for all the results.
		// The dialog reopens with the last words selected: Backspace clears them.
		await page.keyboard.press('Control+K');
		await expect(field).toHaveValue('nato');
		await page.keyboard.press('Backspace');
		await page.keyboard.press('Enter');
		await expect(field).toBeFocused();
		await page.keyboard.type('geneva');
		await expect(field).toHaveValue('geneva');
		await expect(page).toHaveURL(new RegExp(`${ARTICLE}$`));
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/search\/\?q=geneva$/);
		await expect(summary(page)).toHaveText(/results? for “geneva”$/);
	});

	test('the header button opens it, and the page behind does not scroll; Escape returns focus to the button', async ({
		page,
	}) => {
		await page.goto(ARTICLE);
		const button = page.getByRole('button', { name: 'Search' });
		await expect(button).toHaveAttribute('aria-haspopup', 'dialog');
		await expect(button).toHaveAttribute('aria-keyshortcuts', /Control\+K/);
		await button.click();
		await expect(dialog(page).getByRole('searchbox')).toBeFocused();
		await expect.poll(() => pageOverflow(page)).toBe('hidden');
		await page.keyboard.press('Escape');
		await expect(dialog(page)).toBeHidden();
		await expect(button).toBeFocused();
		await expect.poll(() => pageOverflow(page)).not.toBe('hidden');
		await page.keyboard.press('Meta+K');
		await expect(dialog(page)).toBeVisible();
		await dialog(page).getByRole('button', { name: 'Close' }).click();
		await expect(button).toBeFocused();
	});

	test('the search page link, and Enter, carry the query to the search page', async ({ page }) => {
		await page.goto('/');
		await page.keyboard.press('Control+K');
		await dialog(page).getByRole('searchbox').pressSequentially('open door');
		const full = dialog(page).getByRole('link', { name: 'Filter and sort on the search page' });
		await expect(full).toHaveAttribute('href', '/search/?q=open%20door');
		await full.click();
		await expect(summary(page)).toHaveText(/results? for “open door”$/);
		// Enter in the dialog's field asks for the same page.
		await page.goto('/');
		await page.keyboard.press('Control+K');
		await dialog(page).getByRole('searchbox').pressSequentially('geneva');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/search\/\?q=geneva$/);
		await expect(summary(page)).toHaveText(/results? for “geneva”$/);
	});

	test('a result lands on its paragraph with the matched words highlighted, the first in view', async ({ page }) => {
		await page.goto('/');
		await page.keyboard.press('Control+K');
		await dialog(page).getByRole('searchbox').pressSequentially('Grushko');
		await results(page).getByRole('link', { name: 'Paragraph 14', exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`${ARTICLE}\\?highlight=grushko#p14$`, 'i'));
		const marks = page.locator('mark.search-hit');
		await expect(marks.first()).toBeAttached();
		expect(await marks.count()).toBeGreaterThanOrEqual(3);
		const first = page.locator('mark.search-hit-first');
		await expect(first).toHaveCount(1);
		await expect(first).toHaveText('Grushko');
		await expect(page.locator('#p14 mark.search-hit-first')).toHaveCount(1);
		await expect(first).toBeInViewport();
		// Nothing in the page's chrome is marked.
		await expect(page.locator('.site-header mark, .site-footer mark')).toHaveCount(0);
	});
});

test.describe('loading', () => {
	test('an article page loads no search code until asked, and its eager JavaScript stays under 2 KB gzip', async ({
		page,
	}) => {
		const requested: string[] = [];
		page.on('request', (r) => requested.push(new URL(r.url()).pathname));
		await page.goto(ARTICLE, { waitUntil: 'networkidle' });
		expect(requested.filter((p) => p.startsWith('/pagefind/') || /Script\.astro/.test(p))).toEqual([]);

		// Eager JavaScript: inline module and classic scripts, and module scripts the page loads.
		const inline = await page.evaluate(() =>
			[...document.scripts]
				.filter((s) => !s.src && s.type !== 'application/json' && !s.closest('template'))
				.map((s) => s.text),
		);
		const external = await Promise.all(
			requested.filter((p) => p.endsWith('.js')).map(async (p) => (await page.request.get(p)).text()),
		);
		const bytes = [...inline, ...external].reduce((n, code) => n + gzipSync(code, { level: 9 }).length, 0);
		expect(bytes).toBeLessThanOrEqual(2048);

		await page.keyboard.press('Control+K');
		await expect(dialog(page)).toBeVisible();
		await expect.poll(() => requested.some((p) => p.startsWith('/pagefind/'))).toBe(true);
		expect(requested).not.toContain('/pagefind/pagefind-highlight.js');
	});
});

test.describe('loading the search page', () => {
	/** Each filter control's state as a reader meets it: value, whether chosen, and its words. */
	const controls = (page: Page) =>
		page
			.locator('[data-search-filters]')
			.evaluate((box) =>
				[...box.querySelectorAll<HTMLInputElement | HTMLOptionElement>('input, option')].map((c) =>
					c instanceof HTMLInputElement
						? `${c.value}|${c.checked}|${c.closest('label')?.textContent ?? ''}`
						: `${c.value}|${c.selected}|${c.textContent ?? ''}`,
				),
			);

	test('its hint and filters, with counts, are there at once; search loads when the reader reaches the form, and changes none of them', async ({
		page,
	}) => {
		const requested: string[] = [];
		page.on('request', (r) => requested.push(new URL(r.url()).pathname));
		await page.goto('/search/', { waitUntil: 'networkidle' });
		await expect(summary(page)).toHaveText(/^Type a word or a name/);
		const before = await controls(page);
		// Every source, person and month with its count, and every type with its own.
		expect(before.filter((c) => /\(\d+\)$/.test(c)).length).toBeGreaterThan(20);
		expect(before).toContain('article|false|Source articles5');
		// Nothing of search's own has loaded: no engine, no index, no page script.
		expect(requested.filter((p) => p.startsWith('/pagefind/') || /Script\.astro/.test(p))).toEqual([]);

		await page.getByRole('searchbox', { name: 'Words or names to look for' }).focus();
		await expect(page.locator('form[data-search-ready]')).toHaveCount(1);
		expect(requested.some((p) => /\/pagefind\/wasm\.\w+\.pagefind$/.test(p))).toBe(true);
		expect(await controls(page)).toEqual(before);
		await expect(summary(page)).toHaveText(/^Type a word or a name/);
	});

	test('a filter chosen, and words typed, before search has loaded are what it searches', async ({ page }) => {
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/pagefind/pagefind.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/search/');
		await page.getByRole('radio', { name: /^Timeline events\s+\d+$/ }).check();
		await page.getByRole('searchbox', { name: 'Words or names to look for' }).fill('geneva');
		await expect(page.locator('form[data-search-ready]')).toHaveCount(0);
		release();
		await expect(summary(page)).toHaveText(/results? for “geneva”$/);
		await expect(page).toHaveURL(/\/search\/\?q=geneva&type=event$/);
		await expect(page.getByRole('radio', { name: /^Timeline events/ })).toBeChecked();
		const hrefs = await results(page)
			.locator('a.search-result-link')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs.length).toBeGreaterThan(0);
		for (const href of hrefs) expect(href).toMatch(/^\/timeline\/.*#/);
	});
});

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`accessibility, ${scheme}`, () => {
		test.use({ colorScheme: scheme });

		test('the dialog open with results has no axe violations', async ({ page }) => {
			await page.goto(ARTICLE);
			await page.keyboard.press('Control+K');
			await dialog(page).getByRole('searchbox').pressSequentially('stoltenberg');
			await expect(results(page).locator('.search-result').first()).toBeVisible();
			await expectNoAxeViolations(page, `search dialog (${scheme})`);
		});

		test('the search page with results and filters has no axe violations', async ({ page }) => {
			await page.goto('/search/?q=nato&month=2022-01&sort=newest');
			await expect(results(page).locator('.search-result').first()).toBeVisible();
			await expectNoAxeViolations(page, `/search/ with results (${scheme})`);
		});
	});
}
