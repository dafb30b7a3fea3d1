import { describe, expect, it } from 'vitest';
import { rebaseHtml } from '../../src/lib/base-paths';
import { headersFile } from '../../src/lib/csp';
import { pageFacts } from '../../src/lib/html-facts';
import { checkPageLinks, type SitePages } from '../../src/lib/links';
import { absoluteUrl, parseSiteUrl, SiteUrlError, withBase, withoutBase } from '../../src/lib/site-url';

describe('parseSiteUrl', () => {
	it('splits SITE_URL into the origin and the base path the site is deployed under', () => {
		expect(parseSiteUrl('https://example.org')).toEqual({ origin: 'https://example.org', base: '/' });
		expect(parseSiteUrl('https://example.org/')).toEqual({ origin: 'https://example.org', base: '/' });
		expect(parseSiteUrl('https://example.org/talks/')).toEqual({ origin: 'https://example.org', base: '/talks/' });
		// A path without its trailing slash is still a directory: the site's pages are below it.
		expect(parseSiteUrl('https://user.github.io/repo')).toEqual({ origin: 'https://user.github.io', base: '/repo/' });
		expect(parseSiteUrl('http://localhost:4321/a/b/')).toEqual({ origin: 'http://localhost:4321', base: '/a/b/' });
	});

	it('refuses an address it cannot deploy to, naming SITE_URL and the fix', () => {
		for (const bad of [
			'example.org/talks',
			'ftp://example.org/',
			'https://example.org/?x=1',
			'https://example.org/#top',
		])
			expect(() => parseSiteUrl(bad)).toThrow(SiteUrlError);
		expect(() => parseSiteUrl('example.org')).toThrow(/SITE_URL "example.org" is not a URL\. Set SITE_URL to/);
		expect(() => parseSiteUrl('https://example.org/a//b/')).toThrow(/odd path/);
		expect(() => parseSiteUrl('https://u:p@example.org/')).toThrow(/credentials/);
	});
});

describe('withBase, withoutBase and absoluteUrl', () => {
	it('prefix root-relative paths only, and undo it', () => {
		expect(withBase('/timeline/#x', '/talks/')).toBe('/talks/timeline/#x');
		expect(withBase('/', '/talks/')).toBe('/talks/');
		expect(withBase('/timeline/', '/')).toBe('/timeline/');
		for (const other of ['#p1', 'a/', '//cdn.example/x.js', 'https://example.org/'])
			expect(withBase(other, '/talks/')).toBe(other);
		expect(withoutBase('/talks/timeline/', '/talks/')).toBe('/timeline/');
		expect(withoutBase('/talks', '/talks/')).toBe('/');
		expect(withoutBase('/timeline/', '/talks/')).toBeUndefined();
		expect(withoutBase('/talksx/', '/talks/')).toBeUndefined();
	});

	it('give the public URL of a page under the base', () => {
		const site = parseSiteUrl('https://example.org/talks/');
		expect(absoluteUrl('/articles/a/', site)).toBe('https://example.org/talks/articles/a/');
		expect(absoluteUrl('/og/home.png', parseSiteUrl('https://example.org'))).toBe('https://example.org/og/home.png');
		expect(() => absoluteUrl('articles/a/', site)).toThrow(/root-relative/);
	});
});

describe('rebaseHtml', () => {
	const page = [
		'<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/talks/_astro/a.css">',
		'<a href="/timeline/#geneva">x</a><a href="#p1">y</a><a href="a/">z</a><a href="https://nato.int/">n</a>',
		'<a href="//cdn.example/x">c</a><img src="/og/a.png" srcset="/og/a.png 1x, /og/b.png 2x">',
		'<form action="/search/"></form><share-link data-share="/s/articles/a/p1/"></share-link>',
		'<script type="application/json" class="tl-data">{"href":"/timeline/#a","text":"/ not a path","url":"https://x.org/"}</script>',
		'<p>Text that mentions href="/timeline/" is left as it is.</p>',
	].join('');
	const out = rebaseHtml(page, '/talks/');

	it('puts every root-relative URL under the base, once', () => {
		expect(out).toContain('href="/talks/favicon.svg"');
		expect(out).toContain('href="/talks/_astro/a.css"');
		expect(out).not.toContain('/talks/talks/');
		expect(out).toContain('href="/talks/timeline/#geneva"');
		expect(out).toContain('src="/talks/og/a.png" srcset="/talks/og/a.png 1x, /talks/og/b.png 2x"');
		expect(out).toContain('action="/talks/search/"');
		expect(out).toContain('data-share="/talks/s/articles/a/p1/"');
		expect(out).toContain('{"href":"/talks/timeline/#a","text":"/ not a path","url":"https://x.org/"}');
	});

	it('leaves fragments, relative, absolute and protocol-relative URLs, and text, alone', () => {
		for (const kept of ['href="#p1"', 'href="a/"', 'href="https://nato.int/"', 'href="//cdn.example/x"'])
			expect(out).toContain(kept);
		expect(out).toContain('<p>Text that mentions href="/timeline/" is left as it is.</p>');
	});

	it('changes nothing at the root of an origin', () => {
		expect(rebaseHtml(page, '/')).toBe(page);
	});
});

describe('links under a base path', () => {
	const site: SitePages = {
		pages: new Map([
			['/', new Set(['top'])],
			['/timeline/', new Set(['geneva'])],
		]),
		files: new Set(['/rss.xml']),
	};
	const check = (snippet: string) =>
		checkPageLinks('/timeline/', pageFacts(snippet).links, site, 'https://example.org', '/talks/');

	it('resolve below the base, relative links included', () => {
		expect(check('<a href="/talks/timeline/#geneva">a</a><a href="../rss.xml">b</a><a href="#geneva">c</a>')).toEqual(
			[],
		);
		expect(check('<a href="https://example.org/talks/">home</a>')).toEqual([]);
	});

	it('fail when a link escapes the base, saying how to write it', () => {
		const [problem] = check('<a href="/timeline/#geneva">missing base</a>');
		expect(problem?.message).toBe(
			'"/timeline/#geneva" is outside the site\'s base path /talks/, where the site is deployed',
		);
		expect(problem?.fix).toMatch(/write the link root-relative/);
	});
});

describe('_headers under a base path', () => {
	it('scopes every block to the base', () => {
		expect(headersFile("default-src 'none'", '/talks/')).toMatch(/^\/talks\/\*$/m);
		expect(headersFile("default-src 'none'", '/talks/')).toMatch(/^\/talks\/_astro\/\*$/m);
		expect(headersFile("default-src 'none'")).toMatch(/^\/\*$/m);
	});
});
