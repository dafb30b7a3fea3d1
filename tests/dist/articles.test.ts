/**
 * Every built article page shows its source text as the raw file has it, paragraph by paragraph,
 * each with the id, number and share link that readers use (`#p3` is the third paragraph, in
 * document order, blockquoted tweets included). This reads the rendered HTML itself, so an
 * off-by-one in the page, the model or the paragraph component fails here, on its own.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { expectedParagraphs } from '../../src/lib/article-checks';
import { loadArticles } from '../helpers/content';
import { DIST } from '../helpers/dist';

const articles = loadArticles();

describe('article pages', () => {
	it.each(articles.map((a) => [a.id, a] as const))('%s renders every paragraph with its stable id and number', (id, a) => {
		const { document } = parseHTML(readFileSync(`${DIST}/articles/${id}/index.html`, 'utf8'));
		const body = document.querySelector('.article-body');
		// Paragraphs are the <p> whose id is a paragraph id; editor's notes beside them have ids of their own.
		const paragraphs = [...(body?.querySelectorAll('p[id]') ?? [])].filter((p) => /^p\d+$/.test(p.id));
		const expected = expectedParagraphs(a.raw ?? '', a.data);
		expect(paragraphs.length).toBe(expected.length);
		paragraphs.forEach((p, i) => {
			const n = i + 1;
			expect(p.id).toBe(`p${n}`);
			expect(p.textContent).toBe(expected[i]);
			expect(p.getAttribute('data-pagefind-title')).toBe(`Paragraph ${n}`);
			const wrapper = p.closest('.para');
			expect(wrapper?.getAttribute('data-paragraph')).toBe(`p${n}`);
			const link = wrapper?.querySelector('.share-control');
			expect(link?.getAttribute('href')).toBe(`#p${n}`);
			expect(link?.getAttribute('aria-label')).toBe(`Link to paragraph ${n}`);
			expect(link?.textContent).toBe(String(n));
		});
	});

	it('keep a quoted tweet in its blockquote, numbered in sequence with the text around it', () => {
		const { document } = parseHTML(
			readFileSync(`${DIST}/articles/nato-russia-council-rejects-key-demands/index.html`, 'utf8'),
		);
		const quoted = [...document.querySelectorAll('.article-body blockquote')].map((q) =>
			[...q.querySelectorAll('p[id]')].map((p) => p.id).filter((pid) => /^p\d+$/.test(pid)),
		);
		expect(quoted).toEqual([
			['p5', 'p6'],
			['p9', 'p10'],
		]);
	});
});
