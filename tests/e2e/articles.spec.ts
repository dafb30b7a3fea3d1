import { expect, test } from '@playwright/test';
import { expectedParagraphs } from '../../src/lib/article-checks';
import { isoDate } from '../../src/lib/dates';
import { loadArticles } from '../helpers/content';
import { normalise } from '../helpers/site';

const articles = loadArticles();

for (const article of articles) {
	test.describe(`article ${article.id}`, () => {
		test('renders every source paragraph verbatim, in order, each with its id', async ({ page }) => {
			await page.goto(`/articles/${article.id}/`);
			const paragraphs = page.locator('.article-body .text > p');
			const expected = expectedParagraphs(article.raw ?? '', article.data);
			expect((await paragraphs.allTextContents()).map(normalise)).toEqual(expected.map(normalise));
			expect(await paragraphs.evaluateAll((ps) => ps.map((p) => p.id))).toEqual(expected.map((_, i) => `p${i + 1}`));
		});

		test('shows its title, date with evidence, source line, and no furniture', async ({ page }) => {
			await page.goto(`/articles/${article.id}/`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.data.title);
			await expect(page.locator(`.byline time[datetime="${isoDate(article.data.published)}"]`)).toBeVisible();
			// The record is folded under "About this text" so that the text comes first (issue 9).
			await page.locator('details.record > summary').click();
			await expect(page.getByText(article.data.dateEvidence)).toBeVisible();
			await expect(page.locator('.meta')).toContainText(article.data.publisher ?? 'Not recorded');
			const body = normalise((await page.locator('.article-body').textContent()) ?? '');
			for (const { text } of article.data.removed) {
				if (text.length > 3) expect(body).not.toContain(normalise(text));
			}
		});

		test('shows each editor’s note beside the paragraph it concerns', async ({ page }) => {
			await page.goto(`/articles/${article.id}/`);
			const seen = new Map<string, number>();
			for (const note of article.data.notes) {
				const n = (seen.get(note.paragraph) ?? 0) + 1;
				seen.set(note.paragraph, n);
				const block = page.locator(`.para[data-paragraph="${note.paragraph}"]`);
				await expect(block.getByRole('note').nth(n - 1)).toContainText(note.quote);
			}
			await expect(page.locator('.editor-note')).toHaveCount(article.data.notes.length);
		});
	});
}

test('the source list and home page link every article, oldest first', async ({ page }) => {
	const sorted = [...articles].sort(
		(a, b) => a.data.published.getTime() - b.data.published.getTime() || a.id.localeCompare(b.id),
	);
	for (const path of ['/', '/articles/']) {
		await page.goto(path);
		const hrefs = await page.locator('.article-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(hrefs).toEqual(sorted.map((a) => `/articles/${a.id}/`));
		if (path === '/') await expect(page.getByText('As of mid-March 2022.')).toBeVisible();
	}
});
