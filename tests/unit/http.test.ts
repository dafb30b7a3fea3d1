import { describe, expect, it } from 'vitest';
import { contentType, encodePath, parseHeadersFile, parseRequestPath } from '../../src/lib/http';

describe('contentType', () => {
	it('names the type of every kind of file a build writes, and octet-stream for the rest', () => {
		expect(contentType('/dist/index.html')).toBe('text/html; charset=utf-8');
		expect(contentType('pagefind/pagefind.js')).toBe('text/javascript; charset=utf-8');
		expect(contentType('pagefind/wasm.en.pagefind')).toBe('application/octet-stream');
		expect(contentType('a.WASM')).toBe('application/wasm');
		expect(contentType('dir.d/file')).toBe('application/octet-stream');
		expect(contentType('constructor')).toBe('application/octet-stream');
	});
});

describe('parseRequestPath', () => {
	it('decodes segments and keeps the trailing slash', () => {
		expect(parseRequestPath('/articles/a%20b/?q=x#y')).toEqual({
			ok: true,
			segments: ['articles', 'a b'],
			trailingSlash: true,
		});
		expect(parseRequestPath('/')).toEqual({ ok: true, segments: [], trailingSlash: true });
		expect(parseRequestPath('/rss.xml')).toEqual({ ok: true, segments: ['rss.xml'], trailingSlash: false });
	});

	it('refuses what it cannot serve safely, never throwing', () => {
		for (const bad of [
			'/%E0%A4%A',
			'/%',
			'/a/../b',
			'/%2e%2e/x',
			'/a%2fb',
			'/a%5cb',
			'/a%00',
			'x',
			'//host/',
			undefined,
		])
			expect(parseRequestPath(bad), String(bad)).toMatchObject({ ok: false, status: 400 });
		expect(parseRequestPath(`/${'a'.repeat(3000)}`)).toMatchObject({ ok: false, status: 414 });
	});

	it('round-trips through encodePath', () => {
		const path = parseRequestPath('/people/a%20b%23c/');
		expect(path.ok && encodePath(path.segments, path.trailingSlash)).toBe('/people/a%20b%23c/');
	});
});

describe('parseHeadersFile', () => {
	it('reads headers by path pattern, skipping comments', () => {
		const rules = parseHeadersFile('# note\n/*\n  X-A: 1\n  X-B: a: b\n\n/_astro/*\n  Cache-Control: immutable\n');
		expect([...rules]).toEqual([
			['/*', { 'X-A': '1', 'X-B': 'a: b' }],
			['/_astro/*', { 'Cache-Control': 'immutable' }],
		]);
	});
});
