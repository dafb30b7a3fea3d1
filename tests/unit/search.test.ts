import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
	blockSeparator,
	customRecord,
	humanise,
	monthLabel,
	pagefindMarkers,
	RECORD_ATTRIBUTE,
	searchIgnore,
	searchRecordAttributes,
	searchTags,
	subResultAttributes,
} from '../../src/lib/search';

describe('searchTags', () => {
	it('files a dated article under its type, month, sources and people, with a date to sort by', () => {
		expect(
			searchTags({
				type: 'article',
				date: new Date('2022-01-10T00:00:00Z'),
				articles: ['stoltenberg-open-door'],
				people: ['jens-stoltenberg', 'olha-stefanishyna'],
			}),
		).toEqual({
			filters: {
				type: ['article'],
				month: ['2022-01'],
				source: ['stoltenberg-open-door'],
				person: ['jens-stoltenberg', 'olha-stefanishyna'],
			},
			meta: { type: 'article', date: '2022-01-10', when: '10 January 2022' },
			sort: { date: '2022-01-10' },
		});
	});

	it('gives undated content no month and no sort key, and drops duplicate ids', () => {
		expect(searchTags({ type: 'person', people: ['joe-biden', 'joe-biden'] })).toEqual({
			filters: { type: ['person'], person: ['joe-biden'] },
			meta: { type: 'person' },
			sort: {},
		});
	});

	it('says when a date is an estimate', () => {
		expect(searchTags({ type: 'article', date: '2022-01-13', dateApproximate: true }).meta).toEqual({
			type: 'article',
			date: '2022-01-13',
			when: '13 January 2022',
			date_approx: 'true',
		});
	});

	it('keeps a title and an image with its alt text', () => {
		const tags = searchTags({ type: 'event', title: ' Talks open ', date: '2022-01-10', image: '/a.png' });
		expect(tags.meta).toEqual({
			type: 'event',
			title: 'Talks open',
			date: '2022-01-10',
			when: '10 January 2022',
			image: '/a.png',
			image_alt: '',
		});
	});

	it.each([
		[{ type: 'blog' as never }, /unknown search type "blog"; use one of article, explainer, event, person, page/],
		[{ type: 'event' as const, date: '2022-02-30' }, /date "2022-02-30" is not a calendar day/],
		[{ type: 'event' as const, date: '10 January 2022' }, /not a calendar day/],
		[{ type: 'event' as const, date: new Date('nonsense') }, /not a calendar day/],
		[{ type: 'article' as const, people: ['Jens Stoltenberg'] }, /person id "Jens Stoltenberg" is not a kebab-case/],
		[{ type: 'article' as const, title: '  ' }, /title is empty/],
	])('refuses %o, saying why', (entry, message) => {
		expect(() => searchTags(entry, 'src/pages/x.astro')).toThrow(message);
		expect(() => searchTags(entry, 'src/pages/x.astro')).toThrow(/^src\/pages\/x\.astro: /);
	});
});

describe('pagefindMarkers', () => {
	it('puts one value on each marker, so no value can swallow another', () => {
		const markers = pagefindMarkers(
			searchTags({ type: 'article', date: '2022-03-16', articles: ['a'], people: ['b', 'c'] }),
		);
		expect(markers).toEqual([
			{ 'data-pagefind-filter': 'type:article' },
			{ 'data-pagefind-filter': 'month:2022-03' },
			{ 'data-pagefind-filter': 'source:a' },
			{ 'data-pagefind-filter': 'person:b' },
			{ 'data-pagefind-filter': 'person:c' },
			{ 'data-pagefind-meta': 'type:article' },
			{ 'data-pagefind-meta': 'date:2022-03-16' },
			{ 'data-pagefind-meta': 'when:16 March 2022' },
			{ 'data-pagefind-sort': 'date:2022-03-16' },
		]);
	});

	it('keeps commas and colons in a title (an inline value runs to the end)', () => {
		const markers = pagefindMarkers(searchTags({ type: 'page', title: 'Stoltenberg: no, never' }));
		expect(markers).toContainEqual({ 'data-pagefind-meta': 'title:Stoltenberg: no, never' });
	});
});

describe('search records', () => {
	const attrs = searchRecordAttributes({
		type: 'event',
		title: 'NATO–Russia Council meets',
		date: '2022-01-12',
		articles: ['nato-russia-council-rejects-key-demands'],
	});

	it('round-trips through the element attribute into a custom record on the element’s anchor', () => {
		const json = attrs[RECORD_ATTRIBUTE];
		expect(json).toBeTypeOf('string');
		const record = customRecord({
			page: '/timeline/',
			id: 'nrc-meets',
			json: json!,
			text: '  12 January\n  The council meets. ',
		});
		expect(record).toEqual({
			url: '/timeline/#nrc-meets',
			content: '12 January The council meets.',
			language: 'en',
			meta: { type: 'event', title: 'NATO–Russia Council meets', date: '2022-01-12', when: '12 January 2022' },
			filters: { type: ['event'], month: ['2022-01'], source: ['nato-russia-council-rejects-key-demands'] },
			sort: { date: '2022-01-12' },
		});
	});

	it('refuses an element with no id, or an attribute not written by the helper', () => {
		expect(() => customRecord({ page: '/timeline/', id: null, json: attrs[RECORD_ATTRIBUTE]!, text: 'x' })).toThrow(
			/\/timeline\/: element with data-search-record has no id/,
		);
		expect(() => customRecord({ page: '/timeline/', id: 'a', json: '{nope', text: 'x' })).toThrow(/not valid JSON/);
		expect(() => customRecord({ page: '/timeline/', id: 'a', json: '{}', text: 'x' })).toThrow(/lacks a title or type/);
	});
});

describe('labels', () => {
	it('names months in prose and leaves anything else alone', () => {
		expect(monthLabel('2022-01')).toBe('January 2022');
		expect(monthLabel('2022-13')).toBe('2022-13');
	});

	it('makes a fallback label from an id', () => {
		expect(humanise('new-kind-of-thing')).toBe('New kind of thing');
	});

	it('titles sub-results', () => {
		expect(subResultAttributes('Paragraph 3')).toEqual({ 'data-pagefind-title': 'Paragraph 3' });
	});
});

/** Selectors of the rules that hide elements when printing, in every stylesheet under src/. */
function printHidden(): string[] {
	const sheets = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
			e.isDirectory() ? sheets(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : [],
		);
	const selectors: string[] = [];
	for (const file of sheets('src')) {
		const css = readFileSync(file, 'utf8');
		for (const media of css.matchAll(/@media print\s*\{/g)) {
			let depth = 1;
			let at = (media.index ?? 0) + media[0].length;
			const start = at;
			for (; depth && at < css.length; at++) depth += css[at] === '{' ? 1 : css[at] === '}' ? -1 : 0;
			for (const rule of css.slice(start, at - 1).matchAll(/([^{}]+)\{([^{}]*)\}/g))
				if (/display:\s*none/.test(rule[2] ?? '')) selectors.push(...(rule[1] ?? '').split(',').map((x) => x.trim()));
		}
	}
	return selectors;
}

describe('searchIgnore', () => {
	it('keeps text out of the index but not off paper: no print rule hides what it marks', () => {
		const hidden = printHidden();
		// The rule that hides the site's chrome (marked data-pagefind-ignore="all") is among them.
		expect(hidden).toContain("[data-pagefind-ignore='all']");
		const { document } = parseHTML('<!doctype html><html><body><p id="marked">Dated 10 January 2022</p></body></html>');
		const marked = document.getElementById('marked')!;
		for (const [name, value] of Object.entries(searchIgnore())) marked.setAttribute(name, value);
		expect(marked.getAttribute('data-pagefind-ignore')).not.toBeNull();
		expect(hidden.filter((selector) => marked.matches(selector))).toEqual([]);
	});
});

describe('blockSeparator', () => {
	it('ends a block of words with a full stop, a term with a colon, and punctuation with a space', () => {
		expect(blockSeparator('DD', 'Deputy Foreign Minister')).toBe('. ');
		expect(blockSeparator('dt', 'Alexander Grushko')).toBe(': ');
		expect(blockSeparator('blockquote', '“non-starters”')).toBe(' ');
		expect(blockSeparator('dd', 'He said so.')).toBe(' ');
		expect(blockSeparator('dd', '   ')).toBe('');
	});
});
