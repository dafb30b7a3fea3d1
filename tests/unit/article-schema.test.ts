import { describe, expect, it } from 'vitest';
import { checkArticles } from '../../src/lib/article-checks';
import { validateArticleFile } from '../helpers/content';

const fixture = (name: string) => `tests/fixtures/articles/${name}.mdx`;

describe('article frontmatter and body checks', () => {
	it('accepts a well-formed article', () => {
		expect(validateArticleFile(fixture('good')).problems).toEqual([]);
	});

	// Each bad fixture must fail with a message naming the file, the field and what is expected.
	const cases: [name: string, field: string, expected: RegExp][] = [
		['missing-title', 'title', /required: the headline/],
		['invalid-date', 'published', /an ISO 8601 date such as 2022-01-10/],
		['unknown-field', 'frontmatter', /unknown field "author": remove it or fix its spelling \(allowed: title,/],
		['unknown-topic', 'topics[0]', /a topic id from src\/lib\/topics\.ts \(what-nato-is,/],
		['note-missing-paragraph', 'notes[0].paragraph', /"p9" is not a paragraph of this article \(it has p1–p4\)/],
		['quote-not-in-paragraph', 'notes[0].quote', /"mentions Brussels" does not appear in p1/],
		['empty-article', 'body', /the article has no paragraphs/],
	];

	it.each(cases)('%s fails on %s with a clear message', (name, field, expected) => {
		const { problems, message } = validateArticleFile(fixture(name));
		expect(problems.map((p) => p.field)).toContain(field);
		expect(message).toContain(`tests/fixtures/articles/${name}.mdx → ${field}:`);
		expect(message).toMatch(expected);
		expect(message).toMatch(/Fix: /);
	});

	it('reports a cross-reference to a paragraph another article does not have', () => {
		const other = {
			id: 'other',
			file: 'other.mdx',
			body: 'Only one paragraph.',
			data: { title: 'Other', titleFromSource: true, removed: [], notes: [] },
		};
		const withSee = {
			id: 'mine',
			file: 'mine.mdx',
			body: 'One.\n\nTwo.',
			data: {
				title: 'Mine',
				titleFromSource: true,
				removed: [],
				notes: [{ paragraph: 'p2', quote: 'Two', see: [{ article: { id: 'other' }, paragraph: 'p7' }] }],
			},
		};
		expect(checkArticles([withSee, other])).toEqual([
			expect.objectContaining({
				file: 'mine.mdx',
				field: 'notes[0].see[0].paragraph',
				message: '"p7" is not a paragraph of other (it has p1–p1)',
			}),
		]);
	});
});

describe('the verbatim comparison with the raw source', () => {
	const article = (body: string, raw: string) => ({
		id: 'a',
		file: 'a.mdx',
		body,
		raw,
		data: { title: 'Headline', titleFromSource: true, removed: [], notes: [] },
	});

	it('accepts the raw text less its headline', () => {
		expect(checkArticles([article('One  two.\n\nThree.', 'Headline\n\nOne  two.\n\nThree.\n')])).toEqual([]);
	});

	// Whitespace is text: a space lost, doubled, or made non-breaking is an edit of the source.
	it.each([
		['a doubled space made single', 'One two.', 'One  two.'],
		['a non-breaking space made plain', 'One two.', 'One\u00a0two.'],
		['a space added before punctuation', 'One two .', 'One two.'],
	])('reports %s', (_, body, raw) => {
		const problems = checkArticles([article(body, `Headline\n${raw}\n`)]);
		expect(problems.map((p) => p.field)).toEqual(['body']);
		expect(problems[0]?.message).toMatch(/^paragraph p1 differs/);
	});
});

describe('references and MDX the loader checks', () => {
	const base = {
		id: 'mine',
		file: 'mine.mdx',
		body: 'One.',
		data: { title: 'Mine', titleFromSource: true, removed: [], notes: [] },
	};

	it('reports people that src/content/people.yaml does not list', () => {
		const article = { ...base, data: { ...base.data, people: [{ id: 'known' }, 'unknown-one'] } };
		expect(checkArticles([article], { people: new Set(['known']) })).toEqual([
			{
				file: 'mine.mdx',
				field: 'people[1]',
				message: 'unknown person or organisation "unknown-one"',
				fix: 'add them to src/content/people.yaml, or use one of: known',
			},
		]);
	});

	it('reports text that is not valid MDX, with its place in the body', () => {
		const [problem] = checkArticles([{ ...base, body: 'One.\n\nTwo {unclosed' }]);
		expect(problem?.field).toBe('body');
		expect(problem?.message).toMatch(/^the text is not valid MDX at line 3, column \d+ of the body: /);
	});
});
