/** The public corrections log: its page, the notice on each page it concerns, the feed and search. */
import { expect, test } from '@playwright/test';

const EXPLAINER = '/explainers/negotiation-rounds/';

test('a corrected page says when it was updated and links to its corrections, which link back to the change', async ({
	page,
}) => {
	await page.goto(EXPLAINER);
	const notice = page.getByText(/^Updated \d{1,2} \w+ \d{4} · corrections$/);
	await expect(notice).toHaveText('Updated 1 December 2026 · corrections');
	await notice.getByRole('link', { name: 'corrections' }).click();
	await expect(page).toHaveURL(/\/corrections\/#for-explainers-negotiation-rounds$/);
	const group = page.getByRole('region', {
		name: 'The negotiation rounds, from Geneva to the talks after the invasion',
	});
	await expect(group.getByRole('heading', { level: 2 })).toBeInViewport();
	const entry = group.locator('#stoltenberg-before-the-commission');
	await expect(entry).toContainText('We said that Stoltenberg spoke “Afterwards”');
	await expect(entry).toContainText('Why: The source says he spoke “ahead of” the meeting');
	await entry.getByRole('link', { name: 'See the passage' }).click();
	await expect(page).toHaveURL(/\/explainers\/negotiation-rounds\/#brussels-10-january-nato-and-ukraine-1$/);
	await expect(page.locator('#brussels-10-january-nato-and-ukraine-1')).toContainText('Before it met');
});

test('pages the log does not concern carry no notice', async ({ page }) => {
	await page.goto('/people/nato/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText(/^Updated .* · corrections$/)).toHaveCount(0);
});

test('every page the log concerns carries the notice', async ({ page, request }) => {
	await page.goto('/corrections/');
	const groups = await page
		.locator('main section h2')
		.evaluateAll((hs) => hs.map((h) => ({ id: h.id, path: h.querySelector('a')?.getAttribute('href') ?? '' })));
	expect(groups.length).toBeGreaterThanOrEqual(10);
	for (const { id, path } of groups) {
		const html = await (await request.get(path)).text();
		// A line of its own ("Updated … · corrections"), or the last item of an article's byline
		// (a link "Updated …"): either way the date and a link to this page's entries.
		const notice = `Updated <time datetime="2026-12-01"[^>]*>1 December 2026</time>`;
		expect(html, path).toMatch(
			new RegExp(
				`${notice} ·\\s*<a href="/corrections/#${id}"[^>]*>corrections</a>|<a [^>]*href="/corrections/#${id}"[^>]*>\\s*${notice}\\s*</a>`,
			),
		);
	}
});

test('corrections are in the RSS feed and are search results of their own type', async ({ page, request }) => {
	const rss = await (await request.get('/rss.xml')).text();
	expect(rss).toContain(
		'<title>Correction: NATO will not compromise with the Russian Federation on Ukraine’s membership – Stoltenberg</title>',
	);
	expect(rss).toContain('/corrections/#normandy-note</link>');
	await page.goto('/search/?q=Normandy&type=correction');
	// The first search loads Pagefind's index and wasm: allow for a busy machine.
	await expect(page.locator('[data-search-area] [data-search-status]')).toHaveText('1 result for “Normandy”', {
		timeout: 20_000,
	});
	const link = page.getByRole('list', { name: 'Search results' }).locator('.search-result-link').first();
	await expect(link).toHaveAttribute('href', /^\/corrections\/(\?[^#]*)?#normandy-note$/);
	await expect(link).toHaveText(/^Correction: NATO will not compromise/);
});
