/**
 * The integration's side of the record convention: an element marked with
 * searchRecordAttributes() in a built page becomes a search result of its own, landing on its id.
 * (Timeline events use this; the test stands in for them until they exist.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageUrl, preparePage, recordsInHtml } from '../../src/integrations/pagefind';
import { searchRecordAttributes } from '../../src/lib/search';

const attrs = (o: Record<string, string>) =>
	Object.entries(o)
		.map(([k, v]) => `${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
		.join(' ');

const event = searchRecordAttributes({
	type: 'event',
	title: 'NATO–Russia Council meets in Brussels',
	date: '2022-01-12',
	articles: ['nato-russia-council-rejects-key-demands'],
	people: ['jens-stoltenberg', 'alexander-grushko'],
});

const html = `<!doctype html><html lang="en"><body><main data-pagefind-body>
	<h1>Timeline</h1>
	<ol>
		<li id="2022-01-12-nrc" ${attrs(event)}>
			<time datetime="2022-01-12">12 January 2022</time>
			<h3>NATO–Russia Council meets in Brussels</h3>
			<p>The first meeting in two years.</p>
			<copy-link data-pagefind-ignore="all"><a href="#2022-01-12-nrc">¶</a></copy-link>
			<svg><text>axis</text></svg>
		</li>
	</ol>
</main></body></html>`;

describe('recordsInHtml', () => {
	it('makes each marked element a record on its own anchor, with its text, filters, date and title', () => {
		expect(recordsInHtml(html, '/timeline/')).toEqual([
			{
				url: '/timeline/#2022-01-12-nrc',
				content: '12 January 2022 NATO–Russia Council meets in Brussels. The first meeting in two years.',
				language: 'en',
				meta: {
					type: 'event',
					title: 'NATO–Russia Council meets in Brussels',
					date: '2022-01-12',
					when: '12 January 2022',
				},
				filters: {
					type: ['event'],
					month: ['2022-01'],
					source: ['nato-russia-council-rejects-key-demands'],
					person: ['jens-stoltenberg', 'alexander-grushko'],
				},
				sort: { date: '2022-01-12' },
			},
		]);
	});

	it('makes each block its own sentence, as a reader sees it', () => {
		// Built pages have no whitespace between tags (Astro compresses HTML).
		const marked = `<li id="e1" ${attrs(event)}><p><span>Statements</span></p><h3>Ryabkov says</h3><p>Reported 10 January</p><dl><dt>People</dt><dd>Sergei Ryabkov</dd></dl></li>`;
		expect(recordsInHtml(marked, '/timeline/')[0]?.content).toBe(
			'Statements. Ryabkov says. Reported 10 January. People: Sergei Ryabkov.',
		);
	});

	it('finds nothing in a page without records, and refuses a record without an id', () => {
		expect(recordsInHtml('<main><p>Nothing here.</p></main>', '/')).toEqual([]);
		expect(() => recordsInHtml(html.replace('id="2022-01-12-nrc" ', ''), '/timeline/')).toThrow(/has no id/);
	});
});

describe('pageUrl', () => {
	it('gives the address the site serves a built file at', () => {
		expect(pageUrl('/s/dist', join('/s/dist', 'index.html'))).toBe('/');
		expect(pageUrl('/s/dist', join('/s/dist', 'timeline', 'index.html'))).toBe('/timeline/');
		expect(pageUrl('/s/dist', join('/s/dist', '404.html'))).toBe('/404.html');
	});
});

describe('preparePage', () => {
	const page = `<!doctype html><html lang="en"><body><main data-pagefind-body>
		<h1 id="title">People</h1><dl><dt>Alexander Grushko</dt><dd>Deputy Foreign Minister of Russia</dd></dl>
		<div class="para"><p id="p3" data-pagefind-title="Paragraph 3">A long paragraph of text.</p></div>
		<li id="intro-1">An item</li>
	</main></body></html>`;

	it('ends the blocks Pagefind would run together with a separator, in the copy it indexes', () => {
		const html = preparePage(page, '/people/').html ?? '';
		expect(html).toContain('<dt>Alexander Grushko: </dt><dd>Deputy Foreign Minister of Russia. </dd>');
	});

	it('keeps a sub-result’s anchor as an empty marker, and drops ids no result uses', () => {
		const html = preparePage(page, '/people/').html ?? '';
		expect(html).toContain('<h1 id="title">');
		expect(html).toMatch(
			/<p><span (id="p3" data-pagefind-title="Paragraph 3"|data-pagefind-title="Paragraph 3" id="p3")><\/span>A long paragraph of text\.<\/p>/,
		);
		expect(html).toContain('<li>An item</li>');
	});

	it('gives the filters of the page and of each record, for the search page’s counts', () => {
		const withMarkers = html.replace(
			'<h1>Timeline</h1>',
			'<h1>Timeline</h1><div hidden><span data-pagefind-filter="type:page"></span><span data-pagefind-filter="person:nato"></span><span data-pagefind-filter="person:osce"></span></div>',
		);
		expect(preparePage(withMarkers, '/timeline/').filters).toEqual([
			{
				type: ['event'],
				month: ['2022-01'],
				source: ['nato-russia-council-rejects-key-demands'],
				person: ['jens-stoltenberg', 'alexander-grushko'],
			},
			{ type: ['page'], person: ['nato', 'osce'] },
		]);
	});

	it('leaves a page without a search body alone', () => {
		expect(preparePage('<main><p>Not searched.</p></main>', '/404.html')).toEqual({
			html: null,
			records: [],
			texts: [],
			filters: [],
		});
	});
});
