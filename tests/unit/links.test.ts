import { describe, expect, it } from 'vitest';
import { pageFacts } from '../../src/lib/html-facts';
import { checkPageLinks, closest, sitePathOfFile, type SitePages } from '../../src/lib/links';

/** A tiny built site: three pages and two files. */
const html: Record<string, string> = {
	'/': '<h1 id="top">Home</h1><a href="/articles/a/#p2">cite</a><a href="/articles/">all</a>',
	'/articles/': '<a href="a/">relative</a><a href="../rss.xml">feed</a>',
	'/articles/a/': '<p id="p1">One</p><p id="p2">Two</p><a name="legacy"></a>',
};
const site: SitePages = {
	pages: new Map(Object.entries(html).map(([path, h]) => [path, pageFacts(h).ids])),
	files: new Set(['/rss.xml', '/_astro/site.css']),
};
const check = (page: string, snippet: string) =>
	checkPageLinks(page, pageFacts(snippet).links, site, 'https://talks.example');

describe('checkPageLinks', () => {
	it('passes a site whose links all resolve', () => {
		for (const [path, h] of Object.entries(html)) expect(check(path, h)).toEqual([]);
		expect(
			check(
				'/',
				'<a href="https://talks.example/articles/a/#p1">abs</a><link rel="stylesheet" href="/_astro/site.css">',
			),
		).toEqual([]);
		expect(check('/', '<a href="/articles/a/#legacy">old anchor</a><a href="/articles/a/index.html#p1">x</a>')).toEqual(
			[],
		);
	});

	it('catches a link to a page that does not exist, and suggests the nearest', () => {
		const [problem, ...rest] = check('/', '<a href="/articles/b/">missing</a>');
		expect(rest).toEqual([]);
		expect(problem).toMatchObject({
			page: '/',
			message: '"/articles/b/" goes nowhere: there is no page or file at /articles/b/',
			fix: 'point it at an existing page; did you mean /articles/a/?',
		});
	});

	it('catches a fragment that names no id on the target page', () => {
		expect(check('/', '<a href="/articles/a/#p9">bad paragraph</a>')).toEqual([
			expect.objectContaining({
				message: '"/articles/a/#p9": the page /articles/a/ has no element with id "p9"',
				fix: 'use an id that exists on /articles/a/; did you mean #p1?',
			}),
		]);
		expect(check('/articles/a/', '<a href="#p3">same page</a>')).toHaveLength(1);
		expect(check('/', '<a href="#">nothing</a>')).toEqual([
			expect.objectContaining({ message: '"#" has an empty fragment' }),
		]);
	});

	it('asks for the trailing slash page addresses end with', () => {
		expect(check('/', '<a href="/articles/a">no slash</a>')).toEqual([
			expect.objectContaining({ fix: 'write /articles/a/' }),
		]);
	});

	it('catches missing assets, not only pages', () => {
		expect(check('/', '<img src="/og-missing.png" alt="">')).toHaveLength(1);
	});

	it('accepts https, mailto and tel, and rejects http and javascript: links', () => {
		expect(check('/', '<a href="https://nato.int/">ok</a><a href="mailto:a@b.c">m</a><a href="tel:+44">t</a>')).toEqual(
			[],
		);
		expect(check('/', '<a href="http://nato.int/">plain</a>')).toEqual([
			expect.objectContaining({
				message: '"http://nato.int/" uses http, not https',
				fix: 'use https://nato.int/ if the site supports it, or find an https source',
			}),
		]);
		expect(check('/', '<a href="javascript:alert(1)">js</a>')).toHaveLength(1);
		expect(check('/', '<a href="//nato.int/">protocol-relative resolves to http here</a>')).toHaveLength(1);
	});

	it('requires rel="noopener" (or noreferrer) on links that open a new tab', () => {
		expect(check('/', '<a href="https://nato.int/" target="_blank">unsafe</a>')).toEqual([
			expect.objectContaining({ message: 'opens a new tab without rel="noopener"' }),
		]);
		expect(check('/', '<a href="https://nato.int/" target="_blank" rel="noopener">ok</a>')).toEqual([]);
		expect(check('/', '<a href="https://nato.int/" target="_blank" rel="external noreferrer">ok</a>')).toEqual([]);
	});

	it('ignores ids inside scripts and links written in script text', () => {
		const facts = pageFacts('<script>document.write(\'<a href="/nowhere/" id="fake">\')</script><p id="real"></p>');
		expect(facts.links).toEqual([]);
		expect([...facts.ids]).toEqual(['real']);
	});
});

describe('helpers', () => {
	it('maps built files to the paths readers use', () => {
		expect(sitePathOfFile('index.html')).toBe('/');
		expect(sitePathOfFile('articles/x/index.html')).toBe('/articles/x/');
		expect(sitePathOfFile('404.html')).toBe('/404.html');
		expect(sitePathOfFile('pagefind/pagefind.js')).toBe('/pagefind/pagefind.js');
	});

	it('suggests only near misses', () => {
		expect(closest('/articles/stoltenberg/', ['/articles/stoltenburg/', '/timeline/'])).toBe('/articles/stoltenburg/');
		expect(closest('/completely-else/', ['/articles/a/'])).toBeUndefined();
	});
});
