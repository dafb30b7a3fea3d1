#!/usr/bin/env node
/**
 * Search benchmark (not a test): what a reader pays for search, side by side with Starlight, in one
 * run on this machine and with one harness for every site (issue 10):
 *
 * - Cold: a fresh browser context (empty cache), desktop viewport, on the home page; the reader
 *   opens the search dialog (Ctrl+K) and types the first query at 100 ms a key. Bytes are
 *   everything transferred from opening the dialog until the first result of that query is visible
 *   (the page's and any worker's requests, as gzip would send them), split by kind; time is from
 *   the last keystroke to that first result. Search files a site loaded before the dialog was
 *   opened (Starlight loads its UI when the page is idle) are reported beside it.
 * - Later: in the same dialog, the field cleared and other queries typed: last keystroke → first
 *   result.
 * - Recall@3 of the relevance suite (tests/relevance/queries.yaml) through each of our builds'
 *   search page (/search/?q=…): the real interface, ranking and all.
 *
 * Sites: ours (dist/, "after"), optionally an earlier build of ours ("before", --before <dir>), and
 * the same five articles as a Starlight site (bench/lib/starlight.mjs).
 *
 * Usage: npm run bench:search [-- --runs 5 --port 4430 --before /path/to/older/dist]
 *   serves ours on --port, the earlier build on --port + 1, Starlight on --port + 2.
 * Writes bench/results/search.json and bench/results/search.md. Build the site first.
 * `measureSearch()` is what the full benchmark (`npm run bench`) calls.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { openBrowser } from './lib/browser.mjs';
import { median, serve, sleep } from './lib/common.mjs';
import { buildStarlight } from './lib/starlight.mjs';
import { checkSuite, recallAt3, scoreQuery } from '../src/lib/search-relevance.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** A rare name, a two-word phrase, a name with variant spellings. */
export const FIRST_QUERIES = ['Grushko', 'open door', 'Zelenskyy'];
/** Typed after a first query, in the same dialog. */
export const LATER_QUERIES = ['Stoltenberg', 'security guarantees'];
const TYPING_DELAY = 100;
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** How each site's search is opened, typed into, and seen to answer. */
const SITES = {
	ours: {
		open: async (page) => {
			await page.keyboard.press('Control+k');
			return page.getByRole('dialog').getByRole('searchbox');
		},
		// The results list says which words it shows; the first result is on screen.
		answered: (q) => {
			const list = document.querySelector('dialog[open] .search-results');
			const first = list?.querySelector('.search-result');
			return list?.dataset.query === q && (first?.getBoundingClientRect().height ?? 0) > 0;
		},
		searchFile: (path) =>
			path.startsWith('/pagefind/') || /\/_astro\/(DialogScript|results|search|preload-helper)/.test(path),
	},
	/** Our build before this work: Pagefind's Component UI, whose summary names the query. */
	before: {
		open: async (page) => {
			await page.keyboard.press('Control+k');
			return page.getByRole('dialog').getByRole('searchbox');
		},
		answered: (q) => {
			const summary = document.querySelector('dialog[open] pagefind-summary')?.textContent ?? '';
			const first = document.querySelector('dialog[open] .search-result');
			return summary.includes(`“${q}”`) && (first?.getBoundingClientRect().height ?? 0) > 0;
		},
		searchFile: (path) =>
			path.startsWith('/pagefind/') || /\/_astro\/(DialogScript|results|search|preload-helper)/.test(path),
	},
	starlight: {
		// Starlight builds its search UI when the page is idle: let it, as a reader's page would.
		ready: (page) => page.locator('#starlight__search .pagefind-ui__search-input').waitFor({ state: 'attached' }),
		open: async (page) => {
			await page.keyboard.press('Control+k');
			const input = page.locator('dialog[open] .pagefind-ui__search-input');
			await input.waitFor();
			return input;
		},
		answered: (q) => {
			const message = document.querySelector('dialog[open] .pagefind-ui__message')?.textContent ?? '';
			const first = document.querySelector('dialog[open] .pagefind-ui__result-link');
			return message.includes(q) && (first?.getBoundingClientRect().height ?? 0) > 0;
		},
		searchFile: (path) => path.startsWith('/pagefind/') || /\/_astro\/(ui-core|Search\.astro)/.test(path),
	},
};

/** What kind of file a search request is, for the byte breakdown. */
function kind(path) {
	if (/pagefind(-worker)?\.js$|wasm\.\w+\.pagefind$|\.pf_meta$|pagefind-entry\.json$/.test(path)) return 'engine';
	if (path.includes('/pagefind/index/')) return 'index';
	if (path.includes('/pagefind/fragment/')) return 'fragments';
	if (path.includes('/pagefind/filter/')) return 'filters';
	if (/pagefind-(component-)?ui\.(js|css)$/.test(path) || path.startsWith('/_astro/')) return 'UI code';
	return 'other';
}

const sizes = new Map();
/** A file's gzip size as a compressing host would send it (measured from the server, since the browser reports none for some worker requests). */
async function gzipSize(url) {
	if (!sizes.has(url)) {
		const body = Buffer.from(await (await fetch(url)).arrayBuffer());
		sizes.set(url, gzipSync(body, { level: 9 }).length);
	}
	return sizes.get(url);
}

async function weigh(urls) {
	const byKind = {};
	let total = 0;
	for (const url of urls) {
		const bytes = await gzipSize(url);
		const k = kind(new URL(url).pathname);
		byKind[k] = (byKind[k] ?? 0) + bytes;
		total += bytes;
	}
	return { total, byKind, requests: urls.length };
}

/** Requests finished in a context, with when they ended (epoch ms), page and workers alike. */
function requestLog(context) {
	const done = [];
	context.on('requestfinished', (request) => {
		const t = request.timing();
		done.push({ url: request.url(), end: t.startTime + Math.max(t.responseEnd, 0) });
	});
	return done;
}

/** In the page: the time (epoch ms) of each keydown, and of the first moment `answered(q)` holds. */
async function watch(page, site) {
	// As an expression through DevTools, which the pages' CSP (no eval) does not govern.
	await page.evaluate(`window.benchAnswered = ${SITES[site].answered.toString()}`);
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.bench = { keys: [], query: null, answeredAt: 0 };
		const test = w.benchAnswered;
		addEventListener('keydown', () => w.bench.keys.push(performance.timeOrigin + performance.now()), { capture: true });
		const check = () => {
			if (w.bench.query !== null && !w.bench.answeredAt && test(w.bench.query))
				w.bench.answeredAt = performance.timeOrigin + performance.now();
		};
		new MutationObserver(check).observe(document.documentElement, {
			subtree: true,
			childList: true,
			characterData: true,
			attributes: true,
		});
	});
}

/** Types `q` into `field` a key at a time; resolves to { lastKey, answeredAt } once answered. */
async function typeAndWait(page, field, q) {
	await page.evaluate(
		(q) => Object.assign(/** @type {any} */ (window).bench, { query: q, answeredAt: 0, keys: [] }),
		q,
	);
	await field.pressSequentially(q, { delay: TYPING_DELAY });
	await page.waitForFunction(() => /** @type {any} */ (window).bench.answeredAt > 0, null, { timeout: 60_000 });
	return page.evaluate(() => {
		const { keys, answeredAt } = /** @type {any} */ (window).bench;
		return { lastKey: Math.max(...keys), answeredAt };
	});
}

async function oneRun(browser, base, site, first) {
	const context = await browser.newContext(DESKTOP);
	const page = await context.newPage();
	const log = requestLog(context);
	await page.goto(`${base}/`, { waitUntil: 'networkidle' });
	await SITES[site].ready?.(page);
	await sleep(300);
	await watch(page, site);
	const opened = Date.now();
	const field = await SITES[site].open(page);
	const cold = await typeAndWait(page, field, first);
	const later = [];
	for (const q of LATER_QUERIES) {
		await field.fill('');
		await sleep(400);
		const t = await typeAndWait(page, field, q);
		later.push(t.answeredAt - t.lastKey);
	}
	await context.close();
	const isSearch = (r) => SITES[site].searchFile(new URL(r.url).pathname);
	return {
		coldMs: cold.answeredAt - cold.lastKey,
		coldBytes: await weigh(log.filter((r) => r.end >= opened && r.end <= cold.answeredAt).map((r) => r.url)),
		beforeOpening: await weigh(log.filter((r) => r.end < opened && isSearch(r)).map((r) => r.url)),
		laterMs: later,
	};
}

/** The relevance suite through a build's search page: each query's first three result links. */
async function recall(browser, base) {
	const suite = checkSuite(parse(readFileSync(join(ROOT, 'tests/relevance/queries.yaml'), 'utf8')));
	const context = await browser.newContext(DESKTOP);
	const page = await context.newPage();
	const scores = [];
	for (const query of suite) {
		await page.goto(`${base}/search/?q=${encodeURIComponent(query.q)}`);
		// Answered: results, or a message naming the query.
		await page
			.waitForFunction(
				(q) => {
					const main = document.querySelector('main');
					return (
						Boolean(main?.querySelector('.search-result-link')) ||
						(main?.textContent ?? '').includes(`No results for “${q}”`)
					);
				},
				query.q,
				{ timeout: 30_000 },
			)
			.catch(() => {});
		await sleep(150); // results render in order; let the first three land
		const hrefs = await page
			.locator('main .search-result-link')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		scores.push(scoreQuery(query, hrefs));
	}
	await context.close();
	return { recall: recallAt3(scores), queries: scores.length, misses: scores.filter((s) => s.met < s.expected) };
}

async function measureSite(browser, base, site, runs, log) {
	const samples = [];
	for (const first of FIRST_QUERIES)
		for (let i = 0; i < runs; i++) {
			log?.(`  ${site}: “${first}”, run ${i + 1} of ${runs}`);
			samples.push({ first, ...(await oneRun(browser, base, site, first)) });
		}
	const byKind = {};
	for (const k of new Set(samples.flatMap((s) => Object.keys(s.coldBytes.byKind))))
		byKind[k] = median(samples.map((s) => s.coldBytes.byKind[k] ?? 0));
	return {
		site,
		url: base,
		coldBytes: median(samples.map((s) => s.coldBytes.total)),
		coldBytesRange: [
			Math.min(...samples.map((s) => s.coldBytes.total)),
			Math.max(...samples.map((s) => s.coldBytes.total)),
		],
		coldByKind: byKind,
		loadedBeforeOpening: median(samples.map((s) => s.beforeOpening.total)),
		firstQueryMs: Math.round(median(samples.map((s) => s.coldMs))),
		laterQueryMs: Math.round(median(samples.flatMap((s) => s.laterMs))),
		samples,
	};
}

/**
 * Measures search on our build (`baseUrl`), Starlight's (`starlightUrl`, else built and served
 * here) and, if given, an earlier build of ours (`beforeUrl`). Returns the report, with `markdown`.
 * @param {{ baseUrl: string, browser?: import('@playwright/test').Browser, starlightUrl?: string, starlightVersion?: string, starlightPort?: number, beforeUrl?: string, runs?: number, log?: (s: string) => void }} options
 */
export async function measureSearch(options) {
	const { runs = 5, log, starlightPort = 4432 } = options;
	const stops = [];
	const browser = options.browser ?? (await openBrowser());
	try {
		let starlightUrl = options.starlightUrl;
		let starlightVersion = options.starlightVersion ?? '';
		if (!starlightUrl) {
			log?.('Building the Starlight comparison …');
			const built = await buildStarlight(log ?? (() => {}));
			starlightVersion = built.version;
			const server = await serve(built.dist, starlightPort);
			stops.push(server.stop);
			starlightUrl = server.url;
		}
		const sites = [];
		if (options.beforeUrl)
			sites.push({
				...(await measureSite(browser, options.beforeUrl, 'before', runs, log)),
				label: 'this site, before',
			});
		sites.push({ ...(await measureSite(browser, options.baseUrl, 'ours', runs, log)), label: 'this site' });
		sites.push({
			...(await measureSite(browser, starlightUrl, 'starlight', runs, log)),
			label: `Starlight ${starlightVersion}`.trim(),
		});
		log?.('  relevance suite through the search page …');
		for (const s of sites) if (s.site !== 'starlight') s.relevance = await recall(browser, s.url);
		const report = {
			date: new Date().toISOString(),
			chromium: browser.version(),
			runs,
			typingDelayMs: TYPING_DELAY,
			firstQueries: FIRST_QUERIES,
			laterQueries: LATER_QUERIES,
			sites,
		};
		return { ...report, markdown: toMarkdown(report) };
	} finally {
		if (!options.browser) await browser.close();
		for (const stop of stops) stop();
	}
}

const kb = (n) => `${(n / 1024).toFixed(1)}`;

export function toMarkdown(report) {
	const starlight = report.sites.find((s) => s.site === 'starlight');
	const ratio = (a, b) => (b ? (a / b).toFixed(2) : '–');
	const rows = report.sites.map((s) =>
		[
			s.label,
			`${kb(s.coldBytes)} (${kb(s.coldBytesRange[0])}–${kb(s.coldBytesRange[1])})`,
			ratio(s.coldBytes, starlight?.coldBytes),
			kb(s.coldByKind['UI code'] ?? 0),
			kb(s.loadedBeforeOpening),
			`${s.firstQueryMs} ms`,
			`${s.laterQueryMs} ms`,
			s.relevance ? `${(s.relevance.recall * 100).toFixed(1)} % of ${s.relevance.queries} queries` : '–',
		].join(' | '),
	);
	const kinds = ['UI code', 'engine', 'index', 'filters', 'fragments', 'other'];
	const breakdown = report.sites.map(
		(s) => `| ${s.label} | ${kinds.map((k) => kb(s.coldByKind[k] ?? 0)).join(' | ')} |`,
	);
	const misses = report.sites
		.filter((s) => s.relevance?.misses.length)
		.map(
			(s) => `- ${s.label}: ${s.relevance.misses.map((m) => `“${m.q}” (missing ${m.missing.join(', ')})`).join('; ')}`,
		);
	return `# Search benchmark

${report.date} · Chromium ${report.chromium} · desktop · median of ${report.runs} fresh loads for each of ${report.firstQueries.map((q) => `“${q}”`).join(', ')} · typing ${report.typingDelayMs} ms a key · one run, one machine, one harness for every site

| Site | Open → first result, KB gz (range) | × Starlight | of which UI code, KB gz | Search files loaded before opening, KB gz | Last key → first result, first query | Later queries (${report.laterQueries.map((q) => `“${q}”`).join(', ')}) | Recall@3 (tests/relevance/queries.yaml) |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.map((r) => `| ${r} |`).join('\n')}

Bytes: everything transferred from opening the dialog (Ctrl+K on the home page) until the first result of the first query is visible, by the page and by any worker, as gzip would send it. Time: from the last keystroke to the first visible result for the whole query. Starlight loads its search UI while the page is idle, before the dialog opens: that column shows it. Recall@3 is measured through each build's own search page; Starlight's site has neither the people, events nor explainers the suite expects.

Open → first result by kind, KB gz (medians):

| Site | ${kinds.join(' | ')} |
| --- | ${kinds.map(() => '---').join(' | ')} |
${breakdown.join('\n')}
${misses.length ? `\nRelevance misses:\n${misses.join('\n')}\n` : ''}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const args = process.argv.slice(2);
	const value = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
	const log = (s) => console.log(`[bench:search] ${s}`);
	const port = Number(value('--port')) || 4430;
	const ours = await serve(join(ROOT, 'dist'), port);
	const before = value('--before') ? await serve(resolve(value('--before')), port + 1) : undefined;
	try {
		const report = await measureSearch({
			baseUrl: ours.url,
			beforeUrl: before?.url,
			starlightPort: port + 2,
			runs: Number(value('--runs')) || 5,
			log,
		});
		const dir = join(ROOT, 'bench/results');
		await mkdir(dir, { recursive: true });
		const { markdown, ...json } = report;
		await writeFile(join(dir, 'search.json'), `${JSON.stringify(json, null, '\t')}\n`);
		await writeFile(join(dir, 'search.md'), markdown);
		console.log(markdown);
	} finally {
		ours.stop();
		before?.stop();
	}
}
