import { describe, expect, it } from 'vitest';
import { citationHref, indexParagraphs, isProblem, resolveCitation } from '../../src/lib/citations';

const index = indexParagraphs([
	{ id: 'alpha', title: 'Alpha', body: 'One.\n\nTwo.\n\n> Three.' },
	{ id: 'beta', title: 'Beta', body: 'Only.' },
]);
const where = { file: 'src/content/explainers/x.mdx', field: 'Cite article="…" p="…"' };

describe('resolveCitation', () => {
	it('resolves a paragraph to its text, title and anchor', () => {
		expect(resolveCitation(index, { article: 'alpha', p: 'p3' }, where)).toEqual({
			article: 'alpha',
			p: 'p3',
			href: '/articles/alpha/#p3',
			title: 'Alpha',
			text: 'Three.',
		});
	});

	it('names the file, the field and the valid articles for an unknown article', () => {
		const r = resolveCitation(index, { article: 'gamma', p: 'p1' }, where);
		expect(isProblem(r)).toBe(true);
		expect(r).toMatchObject({
			file: where.file,
			field: where.field,
			message: 'unknown article "gamma"',
			fix: 'use one of: alpha, beta',
		});
	});

	it('names the valid paragraph range for an unknown paragraph', () => {
		const r = resolveCitation(index, { article: 'alpha', p: 'p4' }, where);
		if (!isProblem(r)) throw new Error('expected a problem');
		expect(r.message).toBe('article "alpha" has no paragraph "p4"');
		expect(r.fix).toMatch(/^use one of p1–p3/);
	});

	it('says an article is empty rather than listing a range of nothing', () => {
		const empty = indexParagraphs([{ id: 'gamma', title: 'Gamma', body: '' }]);
		expect(resolveCitation(empty, { article: 'gamma', p: 'p1' }, where)).toMatchObject({
			message: 'article "gamma" has no paragraphs at all',
		});
	});

	it('builds anchors in one format', () => {
		expect(citationHref({ article: 'beta', p: 'p1' })).toBe('/articles/beta/#p1');
	});
});
