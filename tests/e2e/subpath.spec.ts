/**
 * The site built under a path (npm run build:subpath: SITE_URL=https://example.org/talks/), served
 * at /talks/ as a GitHub Pages project site is. A smoke set: pages, links, a deep link, search and
 * the timeline, and a crawl of every page's links. Paths here are relative to the baseURL
 * (…/talks/), so `page.goto('timeline/')` opens /talks/timeline/.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';

const BASE = '/talks/';

async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
	const index = await (await request.get('sitemap-index.xml')).text();
	const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
	const pages: string[] = [];
	for (const sitemap of sitemaps) {
		expect(sitemap.startsWith(BASE), `sitemap ${sitemap} is under ${BASE}`).toBe(true);
		const xml = await (await request.get(sitemap.slice(BASE.length))).text();
		pages.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
	}
	return pages;
}

test('pages, their styles, head links and navigation all live under the base path', async ({ page }) => {
	const failed: string[] = [];
	page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
	await page.goto('');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// The stylesheet loaded: the header is laid out, not a bare list.
	expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).display)).not.toBe('inline');
	const head = await page.evaluate(() => ({
		canonical: document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href,
		icon: document.querySelector<HTMLLinkElement>('link[rel~=icon]')?.getAttribute('href'),
		image: document.querySelector('meta[property="og:image"]')?.getAttribute('content'),
	}));
	expect(head.canonical).toBe('https://example.org/talks/');
	expect(head.icon).toMatch(/^\/talks\//);
	expect(head.image).toMatch(/^https:\/\/example\.org\/talks\/og\/.+\.png$/);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources' }).click();
	await expect(page).toHaveURL(/\/talks\/articles\/$/);
	expect(failed).toEqual([]);
});

test('a deep link to a paragraph lands on it', async ({ page }) => {
	await page.goto('articles/nato-russia-council-rejects-key-demands/#p13');
	await expect(page.locator('#p13')).toBeInViewport();
	await expect(page.locator('#p13')).toContainText('Grushko said');
});

test('search finds a page and its result leads there, under the base path', async ({ page }) => {
	await page.goto('search/?q=Grushko');
	const first = page
		.locator('main')
		.getByRole('link', { name: /Grushko|NATO/ })
		.first();
	await expect(first).toBeVisible({ timeout: 15_000 });
	expect(await first.getAttribute('href')).toMatch(/^\/talks\//);
	await first.click();
	await expect(page).toHaveURL(/\/talks\//);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('Enter in the search dialog goes to the search page under the base path, even before its code loads', async ({
	page,
}) => {
	// The dialog's own code never arrives: the eager trigger handles Enter.
	await page.route('**/_astro/DialogScript.*.js', () => {});
	await page.goto('articles/');
	await page.keyboard.press('Control+K');
	await page.keyboard.type('geneva');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/talks\/search\/\?q=geneva$/);
	await expect(
		page
			.locator('main')
			.getByRole('link', { name: /Geneva/ })
			.first(),
	).toBeVisible();
});

test('the timeline draws its chart, and an event link selects its event', async ({ page }) => {
	await page.goto('timeline/#geneva-talks-open');
	await expect(page.locator('svg.tl-svg').first()).toBeVisible();
	// The wide chart at this width (the phone's vertical chart is in the page, hidden).
	await expect(page.locator('a.tl-event[data-id="geneva-talks-open"]').filter({ visible: true })).toBeInViewport();
});

test('without JavaScript, an event link lands on its entry', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`${baseURL}timeline/#geneva-talks-open`);
	await expect(page.locator('#geneva-talks-open')).toBeInViewport();
	await context.close();
});

test('feeds, robots.txt and the 404 page point under the base path', async ({ page, request }) => {
	const rss = await (await request.get('rss.xml')).text();
	const links = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
	expect(links.length).toBeGreaterThan(5);
	for (const link of links) expect(link).toMatch(/^https:\/\/example\.org\/talks\//);
	expect(await (await request.get('robots.txt')).text()).toContain(
		'Sitemap: https://example.org/talks/sitemap-index.xml',
	);
	const missing = await page.goto('no-such-page/');
	expect(missing?.status()).toBe(404);
	await page.getByRole('link', { name: 'Timeline' }).first().click();
	await expect(page).toHaveURL(/\/talks\/timeline\/$/);
});

test('a crawl of every page finds no broken link', async ({ request }) => {
	const pages = await sitemapPaths(request);
	expect(pages.length).toBeGreaterThan(20);
	const seen = new Set<string>();
	const broken: string[] = [];
	for (const path of pages) {
		const response = await request.get(path.slice(BASE.length));
		if (!response.ok()) {
			broken.push(`${response.status()} ${path}`);
			continue;
		}
		const html = await response.text();
		for (const [, url] of html.matchAll(/\s(?:href|src|action)="([^"#]+)/g)) {
			const target = new URL(url!, `http://localhost${path}`);
			if (target.origin !== 'http://localhost') continue;
			if (!target.pathname.startsWith(BASE)) broken.push(`${path} links outside the base: ${url}`);
			else if (!seen.has(target.pathname)) {
				seen.add(target.pathname);
				const hit = await request.head(target.pathname.slice(BASE.length));
				if (!hit.ok()) broken.push(`${path} → ${hit.status()} ${url}`);
			}
		}
	}
	expect(broken).toEqual([]);
	expect(seen.size).toBeGreaterThan(pages.length);
});
