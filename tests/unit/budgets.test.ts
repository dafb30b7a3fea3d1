import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	budgetViolations,
	DEFAULT_PAGE_TYPE,
	pageTypeOf,
	staticImports,
	totalOf,
	weighPage,
	type AssetReader,
} from '../../src/lib/budgets';

const files: Record<string, string> = {
	'/_astro/page.js': 'import{a}from"./shared.js";import"/_astro/side.js";const later=()=>import("./lazy.js");a(later);',
	'/_astro/shared.js': 'export const a=(f)=>f;',
	'/_astro/side.js': 'console.log("side effect");',
	'/_astro/lazy.js': 'x'.repeat(50_000),
	'/_astro/site.css': 'body{margin:0}'.repeat(10),
};
const read: AssetReader = (path) => (files[path] === undefined ? undefined : new TextEncoder().encode(files[path]));
const gz = (s: string) => gzipSync(s).length;

describe('page types', () => {
	it('matches pages by URL pattern, with a default for everything else', () => {
		expect(pageTypeOf('/articles/some-article/').name).toBe('article');
		expect(pageTypeOf('/explainers/what-nato-is/').name).toBe('explainer');
		expect(pageTypeOf('/timeline/').name).toBe('timeline');
		expect(pageTypeOf('/articles/').name).toBe('default');
		expect(pageTypeOf('/people/jens-stoltenberg/')).toBe(DEFAULT_PAGE_TYPE);
	});

	it('holds article and explainer pages to 14 KB of HTML and 2 KB of script, the timeline to 30 KB', () => {
		for (const path of ['/articles/a/', '/explainers/b/'])
			expect(pageTypeOf(path).budget).toMatchObject({ html: 14 * 1024, eagerJs: 2 * 1024, css: 12 * 1024 });
		expect(pageTypeOf('/timeline/').budget.eagerJs).toBe(30 * 1024);
	});
});

describe('staticImports', () => {
	it('finds static imports and re-exports, not dynamic import()', () => {
		expect(staticImports(files['/_astro/page.js'] ?? '')).toEqual(['./shared.js', '/_astro/side.js']);
		expect(staticImports('export*from"./x.js";export{y}from\'./y.js\'')).toEqual(['./x.js', './y.js']);
		expect(staticImports('import("./lazy.js")')).toEqual([]);
	});
});

describe('weighPage', () => {
	const html = `<!doctype html><html><head><script>var t=1</script><link rel="stylesheet" href="/_astro/site.css"><style>p{color:red}</style></head><body><script type="module" src="/_astro/page.js"></script><script type="application/ld+json">{"big":"${'data'.repeat(500)}"}</script></body></html>`;
	const weight = weighPage('/articles/x/', html, read);

	it('counts inline scripts, module scripts and their static imports, but not lazy chunks or data blocks', () => {
		expect(weight.eagerJs.map((p) => p.what)).toEqual([
			'inline script #1',
			'/_astro/page.js',
			'/_astro/shared.js',
			'/_astro/side.js',
		]);
		expect(totalOf(weight.eagerJs)).toBe(
			gz('var t=1') + gz(files['/_astro/page.js']!) + gz(files['/_astro/shared.js']!) + gz(files['/_astro/side.js']!),
		);
	});

	it('does not count scripts shipped inert in a <template> (loaded on demand)', () => {
		const w = weighPage(
			'/articles/x/',
			'<template data-lazy><script type="module" src="/_astro/page.js"></script></template><script>var t=1</script>',
			read,
		);
		expect(w.eagerJs.map((p) => p.what)).toEqual(['inline script #2']);
	});

	it('counts linked and inline CSS, and the gzip size of the HTML itself', () => {
		expect(weight.css).toEqual([
			{ what: '/_astro/site.css', bytes: gz(files['/_astro/site.css']!) },
			{ what: 'inline style #2', bytes: gz('p{color:red}') },
		]);
		expect(weight.html).toBe(gz(html));
		expect(weight.missing).toEqual([]);
	});

	it('lists referenced files that are missing rather than guessing their size', () => {
		const w = weighPage('/', '<script type="module" src="/_astro/gone.js"></script>', read);
		expect(w.missing).toEqual(['/_astro/gone.js']);
	});

	it('resolves relative script paths against the page', () => {
		const w = weighPage('/_astro/', '<script type="module" src="page.js"></script>', read);
		expect(w.eagerJs.map((p) => p.what)).toContain('/_astro/shared.js');
	});
});

describe('budgetViolations', () => {
	it('passes a page within budget', () => {
		const w = weighPage('/articles/x/', '<p>small</p>', read);
		expect(budgetViolations(w)).toEqual([]);
	});

	it('names the page, its type, the bytes and the parts when a page is over', () => {
		const heavy = `<script>${Array.from({ length: 800 }, (_, i) => `var v${i}=${i * 7919};`).join('')}</script>`;
		const w = weighPage('/articles/heavy/', heavy, read);
		const [line, ...rest] = budgetViolations(w);
		expect(rest).toEqual([]);
		const bytes = totalOf(w.eagerJs);
		expect(bytes).toBeGreaterThan(2048);
		expect(line).toBe(
			`/articles/heavy/ (article page): eager JavaScript is ${bytes} B gzip (${(bytes / 1024).toFixed(1)} KB), over the 2.0 KB budget by ${bytes - 2048} B [inline script #1 ${bytes} B]`,
		);
	});

	/** Text that gzip cannot shrink much: `n` pseudo-random hex digits, the same every run. */
	const noise = (n: number) => {
		let x = 2463534242;
		let out = '';
		for (let i = 0; i < n; i++) {
			x ^= x << 13;
			x ^= x >>> 17;
			x ^= x << 5;
			out += ((x >>> 0) % 16).toString(16);
		}
		return out;
	};

	it('holds the HTML itself to its budget', () => {
		const w = weighPage('/articles/long/', `<p>${noise(40_000)}</p>`, read);
		expect(w.html).toBeGreaterThan(14 * 1024);
		expect(budgetViolations(w)).toEqual([
			`/articles/long/ (article page): HTML is ${w.html} B gzip (${(w.html / 1024).toFixed(1)} KB), over the 14.0 KB budget by ${w.html - 14 * 1024} B`,
		]);
	});

	it('holds stylesheets and inline styles together to the CSS budget', () => {
		const css: Record<string, string> = { ...files, '/_astro/big.css': `.a{content:"${noise(20_000)}"}` };
		const readCss: AssetReader = (path) => (css[path] === undefined ? undefined : new TextEncoder().encode(css[path]));
		const w = weighPage(
			'/articles/styled/',
			`<link rel="stylesheet" href="/_astro/big.css"><style>.b{content:"${noise(8_000)}"}</style>`,
			readCss,
		);
		const bytes = totalOf(w.css);
		expect(totalOf(w.css.slice(0, 1))).toBeLessThan(12 * 1024);
		expect(budgetViolations(w)).toEqual([
			expect.stringMatching(
				new RegExp(
					`^/articles/styled/ \\(article page\\): CSS is ${bytes} B gzip .* over the 12\\.0 KB budget by ${bytes - 12 * 1024} B \\[/_astro/big\\.css \\d+ B, inline style #2 \\d+ B\\]$`,
				),
			),
		]);
	});

	it('applies the timeline’s larger script budget only to the timeline', () => {
		const big = `<script>${Array.from({ length: 2000 }, (_, i) => `var v${i}=${i * 7919};`).join('')}</script>`;
		expect(budgetViolations(weighPage('/timeline/', big, read))).toEqual([]);
		expect(budgetViolations(weighPage('/', big, read))).toHaveLength(1);
	});
});
