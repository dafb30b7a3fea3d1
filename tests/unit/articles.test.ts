/**
 * The five real articles: verbatim against their raw sources, and every paragraph anchor pinned.
 * Anchors are shared in chats and citations; if this snapshot changes, a published link changed
 * meaning. Do not update it casually (see CONTRIBUTING.md).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArticles, expectedParagraphs } from '../../src/lib/article-checks';
import { extractParagraphs } from '../../src/lib/paragraphs';
import { loadArticles } from '../helpers/content';

const articles = loadArticles();

describe('the source articles', () => {
	it('are five, one per raw source file', () => {
		const raw = readdirSync('public/sources').filter((f) => f.endsWith('.txt'));
		expect(articles.map((a) => a.data.sourceFile).sort()).toEqual(raw.sort());
	});

	it('pass every build check, including the verbatim comparison with the raw text', () => {
		expect(checkArticles(articles)).toEqual([]);
	});

	it.each(articles.map((a) => [a.id, a] as const))('%s keeps every raw line not recorded as furniture', (_, a) => {
		const paragraphs = extractParagraphs(a.body).map((p) => p.text);
		expect(paragraphs).toEqual(expectedParagraphs(a.raw ?? '', a.data));
	});

	it('keep their paragraph anchors stable', () => {
		const anchors = Object.fromEntries(
			articles.map((a) => [a.id, extractParagraphs(a.body).map((p) => `${p.id}: ${p.text.slice(0, 48)}`)]),
		);
		expect(anchors).toMatchSnapshot();
	});
});
