/**
 * JavaScript byte budgets, computed from the built site in dist/: what a page runs at load (its
 * scripts and everything they import statically), gzipped as a server would send it.
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const KB = 1024;
const dist = (path: string) => `dist${path}`;

interface Script {
	/** Path under dist/, or `inline:<page>#n`. */
	name: string;
	code: string;
}

const STATIC_IMPORT = /\bimport\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*[`"']([^`"']+)[`"']\s*\)/g;

/** Files a script imports, by `pattern` (static or dynamic), resolved against its own path. */
function imports(script: Script, pattern: RegExp): string[] {
	const from = script.name.startsWith('inline:') ? '/' : posix.dirname(script.name);
	return [...script.code.matchAll(pattern)].map((m) => posix.resolve(from, m[1]!));
}

/** Every script a page runs at load, with its static imports, each file once. */
export function eagerScripts(page: string): Script[] {
	const html = readFileSync(dist(`${page}index.html`), 'utf8');
	const found = new Map<string, Script>();
	const visit = (script: Script) => {
		if (found.has(script.name)) return;
		found.set(script.name, script);
		for (const path of imports(script, STATIC_IMPORT)) visit({ name: path, code: readFileSync(dist(path), 'utf8') });
	};
	[...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].forEach(([, attrs = '', body = ''], n) => {
		if (/type="application\/(ld\+)?json"/.test(attrs)) return; // data, not code
		const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
		visit(src ? { name: src, code: readFileSync(dist(src), 'utf8') } : { name: `inline:${page}#${n}`, code: body });
	});
	return [...found.values()];
}

/** Scripts loaded later, through dynamic import(), that the eager ones do not already include. */
function lazyScripts(eager: Script[]): Script[] {
	const seen = new Set(eager.map((s) => s.name));
	const lazy: Script[] = [];
	const visit = (path: string) => {
		if (seen.has(path)) return;
		seen.add(path);
		const script = { name: path, code: readFileSync(dist(path), 'utf8') };
		lazy.push(script);
		for (const next of [...imports(script, STATIC_IMPORT), ...imports(script, DYNAMIC_IMPORT)]) visit(next);
	};
	for (const s of eager) for (const path of imports(s, DYNAMIC_IMPORT)) visit(path);
	return lazy;
}

const gzipped = (scripts: Script[]) => scripts.reduce((sum, s) => sum + gzipSync(s.code, { level: 9 }).length, 0);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

test.describe('JavaScript budgets', () => {
	test('the timeline page runs at most 30 KB (gzip) at load; the rest waits until the timeline is near', () => {
		const eager = eagerScripts('/timeline/');
		const lazy = lazyScripts(eager);
		const [eagerBytes, lazyBytes] = [gzipped(eager), gzipped(lazy)];
		test.info().annotations.push({
			type: 'budget',
			description: `/timeline/: ${kb(eagerBytes)} eager (${eager.map((s) => s.name).join(', ')}); ${kb(lazyBytes)} deferred`,
		});
		console.log(`timeline JS, gzip: ${eagerBytes} B eager, ${lazyBytes} B deferred`);
		expect(
			eager.some((s) => s.code.includes('event-timeline')),
			'the timeline element is defined at load',
		).toBe(true);
		expect(lazy.length, 'the zoom and details code is loaded on demand').toBeGreaterThan(0);
		expect(eagerBytes).toBeLessThanOrEqual(30 * KB);
		// Not a budget the brief sets, but it should not grow unnoticed.
		expect(lazyBytes).toBeLessThanOrEqual(40 * KB);
	});

	for (const page of [
		'/articles/',
		'/articles/stoltenberg-open-door-geneva-talks-begin/',
		'/articles/zelenskyy-ukraine-may-not-join-nato/',
	])
		test(`${page} stays JavaScript-light, with no timeline code`, () => {
			const eager = eagerScripts(page);
			expect(eager.filter((s) => /timeline/i.test(s.name) || s.code.includes('event-timeline'))).toEqual([]);
			expect(lazyScripts(eager)).toEqual([]);
			expect(gzipped(eager)).toBeLessThanOrEqual(3 * KB);
		});

	test('the measurement follows imports (it would see a timeline chunk if one were imported)', () => {
		const eager = eagerScripts('/timeline/');
		const element = eager.find((s) => s.code.includes('event-timeline'));
		expect(element, 'found through the page’s script tags').toBeDefined();
		expect(lazyScripts(eager).some((s) => s.code.includes('tl-overview'))).toBe(true);
	});
});
