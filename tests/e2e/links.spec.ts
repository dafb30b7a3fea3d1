import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const ARTICLE = '/articles/nato-russia-council-rejects-key-demands/';

test.describe('paragraph links', () => {
	test('a deep link lands on the paragraph and highlights it', async ({ page }) => {
		await page.goto(`${ARTICLE}#p13`);
		const target = page.locator('#p13');
		await expect(target).toBeInViewport();
		await expect(target).toContainText('Grushko said');
		const bg = (sel: string) => page.locator(sel).evaluate((el) => getComputedStyle(el).backgroundColor);
		expect(await bg('#p13')).not.toBe('rgba(0, 0, 0, 0)');
		expect(await bg('#p12')).toBe('rgba(0, 0, 0, 0)');
	});

	test('a section heading has its own share control, copying its plain link', async ({ page, context, baseURL }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(ARTICLE);
		await page.getByRole('button', { name: 'Share section “Cited in the explainers”' }).click();
		await page.getByRole('menuitem', { name: 'Copy link' }).click();
		// Announced once the clipboard has been written (the write is asynchronous).
		await expect(page.getByRole('status')).toHaveText('Link copied');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${ARTICLE}#cited-in`);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the article reads, and paragraph links are ordinary links that land', async ({ page }) => {
		await page.goto(ARTICLE);
		await expect(page.locator('#p15')).toContainText('Besides, NATO also rejected');
		await expect(page.locator('.editor-note').first()).toBeVisible();
		const link = page.getByRole('link', { name: 'Link to paragraph 9', exact: true });
		await link.focus();
		await link.press('Enter');
		await expect(page).toHaveURL(new RegExp(`${ARTICLE}#p9$`));
		await expect(page.locator('#p9')).toBeInViewport();
		await expect(page.getByRole('button', { name: /theme/i })).toHaveCount(0);
	});
});

test.describe('theme', () => {
	test('the toggle switches theme, persists, and the next page paints in it from the start', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto('/');
		const toggle = page.getByRole('button', { name: 'Dark theme' });
		await expect(toggle).toHaveAttribute('aria-pressed', 'false');
		await toggle.click();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		await expect(toggle).toHaveAttribute('aria-pressed', 'true');

		// Record the theme at the moment <body> is first inserted, before any module script runs.
		await page.addInitScript(() => {
			const observer = new MutationObserver(() => {
				if (!document.body) return;
				(window as unknown as { firstPaintTheme: string }).firstPaintTheme =
					document.documentElement.dataset.theme ?? 'none';
				observer.disconnect();
			});
			observer.observe(document, { childList: true, subtree: true });
		});
		await page.goto(ARTICLE);
		expect(await page.evaluate(() => (window as unknown as { firstPaintTheme: string }).firstPaintTheme)).toBe('dark');
		const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(bg).toBe('rgb(21, 23, 26)');
	});

	test('without a choice, the system preference applies', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto('/');
		expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 23, 26)');
		await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
	});
});

test.describe('site', () => {
	test('an unknown address gets a helpful 404 page with a 404 status', async ({ page }) => {
		const response = await page.goto('/articles/no-such-article/');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is no page at this address');
		await expect(page.locator('.article-list a')).toHaveCount(5);
	});

	test('pages carry canonical, description, Open Graph and Twitter card tags', async ({ page, baseURL }) => {
		await page.goto(ARTICLE);
		const content = (sel: string) => page.locator(sel).getAttribute('content');
		await expect(page).toHaveTitle(/The United States and NATO rejected .* · The 2022 Security Talks/);
		expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe(`http://localhost:4321${ARTICLE}`);
		expect(await content('meta[name=description]')).toMatch(/NATO–Russia Council/);
		expect(await content('meta[property="og:type"]')).toBe('article');
		expect(await content('meta[property="og:image"]')).toBe(
			'http://localhost:4321/og/articles/nato-russia-council-rejects-key-demands.png',
		);
		expect(await content('meta[name="twitter:card"]')).toBe('summary_large_image');
		const image = await page.request.get(`${baseURL}/og/articles/nato-russia-council-rejects-key-demands.png`);
		expect(image.headers()['content-type']).toBe('image/png');
	});

	test('feed, sitemap and robots.txt are served', async ({ request }) => {
		const rss = await (await request.get('/rss.xml')).text();
		// Three explainers, five source articles, and every entry of the corrections log.
		const corrections = (readFileSync('src/content/corrections.yaml', 'utf8').match(/^- id: /gm) ?? []).length;
		expect(rss.match(/<item>/g)).toHaveLength(8 + corrections);
		expect(rss.match(/<link>[^<]*\/articles\/[^<]*<\/link>/g)).toHaveLength(5);
		expect(rss).toContain('/explainers/what-nato-is/');
		const feed = (await (await request.get('/feed.json')).json()) as { version: string; items: { url: string }[] };
		expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
		// The same items in the same order, fragments included (a correction links to its entry).
		const local = (u: string) => u.replace(/^https?:\/\/[^/]+/, '');
		expect(feed.items.map((i) => local(i.url))).toEqual(
			[...rss.matchAll(/<link>([^<]+)<\/link>/g)].slice(1).map((m) => local(m[1]!)),
		);
		const robots = await (await request.get('/robots.txt')).text();
		expect(robots).toContain('Sitemap: http://localhost:4321/sitemap-index.xml');
		const sitemap = await (await request.get('/sitemap-0.xml')).text();
		expect(sitemap).toContain('/articles/zelenskyy-ukraine-may-not-join-nato/');
		expect(sitemap).not.toContain('404');
	});

	test('printing an article shows the text and notes without chrome', async ({ page }) => {
		await page.goto(ARTICLE);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.locator('.site-footer')).toBeHidden();
		await expect(page.locator('share-link').first()).toBeHidden();
		await expect(page.locator('#p1')).toBeVisible();
		await expect(page.locator('.editor-note').first()).toBeVisible();
		// Folded notes and the folded record print open.
		await expect(page.locator('#p3-note-1')).toBeVisible();
		await expect(page.getByText('Date established from the text')).toBeVisible();
		// The date line is left out of search (searchIgnore), not out of print.
		await expect(page.locator('.byline time').first()).toBeVisible();
		await expect(page.getByText('Printed from')).toBeVisible();
	});

	test('the skip link moves focus to the main content', async ({ page }) => {
		await page.goto(ARTICLE);
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to content' });
		await expect(skip).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.locator('main')).toBeFocused();
	});
});
