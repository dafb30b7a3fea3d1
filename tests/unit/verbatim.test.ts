/**
 * The verbatim comparison of an article with its raw source counts every character, white space
 * included: a double space, a non-breaking space typed as a plain one, or a tab is a change to
 * the text as published (EDITORIAL.md), however invisible.
 */
import { describe, expect, it } from 'vitest';
import { checkArticles } from '../../src/lib/article-checks';

const article = (body: string, raw: string) => ({
	id: 'a',
	file: 'src/content/articles/a.mdx',
	body,
	raw,
	data: { title: 'A title', titleFromSource: false, removed: [], notes: [] },
});

const differs = (body: string, raw: string) =>
	checkArticles([article(body, raw)]).filter(
		(p) => p.field === 'body' && /differs from the raw source/.test(p.message),
	);

describe('the verbatim check', () => {
	it('accepts the text exactly as the raw file has it', () => {
		expect(differs('One two.\n\nThree\u00a0four.', 'One two.\nThree\u00a0four.\n')).toEqual([]);
	});

	it.each([
		['a doubled space', 'One  two.', 'One two.'],
		['a plain space for a non-breaking one', 'One two.', 'One\u00a0two.'],
		['a tab for a space', 'One\ttwo.', 'One two.'],
	])('rejects %s', (_, body, raw) => {
		expect(differs(body, raw)).toEqual([
			expect.objectContaining({
				message: expect.stringMatching(/^paragraph p1 differs from the raw source\./) as unknown,
			}),
		]);
	});
});
