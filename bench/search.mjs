#!/usr/bin/env node
/**
 * Search benchmark (not a test): what a reader pays for search, measured in a real Chromium against
 * the built site served by scripts/serve.mjs in its own process.
 *
 * For each query, over several runs (medians reported):
 * - cold: a fresh browser (empty cache) on an article page; the reader presses Ctrl+K and types the
 *   query. Bytes = everything transferred from that first keystroke until the first result is
 *   visible (dialog code, Pagefind's UI, its WebAssembly, index chunks, result fragments).
 * - warm: the same dialog, already loaded, for a second query: only index chunks and fragments.
 * - latency: from the last keystroke to the first visible result, as the reader sees it, so it
 *   includes the input's debounce (200 ms) and Pagefind's own work.
 *
 * Usage: npm run bench:search [-- --runs 5 --port 4433 --throttle]
 *   --throttle  emulate a slow connection (40 ms latency, 10 Mbit/s down) instead of localhost.
 * Writes bench/results/search.json and bench/results/search.md. Build the site first.
 *
 * `benchSearch()` is exported for the full benchmark (`npm run bench`) to call.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../scripts/find-chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const PAGE = '/articles/nato-russia-council-rejects-key-demands/';
/** A common word, a rare name, a two-word phrase, a topic, a name with variant spellings. */
export const QUERIES = ['nato', 'Grushko', 'open door', 'security guarantees', 'Zelenskyy'];
const WARM_FIRST = 'talks';
const TYPING_DELAY = 60;
const THROTTLE = {
	offline: false,
	latency: 40,
	downloadThroughput: (10 * 1024 * 1024) / 8,
	uploadThroughput: (5 * 1024 * 1024) / 8,
};

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** What kind of file a URL is, for the byte breakdown. */
function kind(url) {
	const path = new URL(url).pathname;
	if (path.startsWith('/_astro/')) return 'site search code';
	if (/pagefind-component-ui\.(js|css)$/.test(path)) return 'Pagefind UI';
	if (/pagefind(-worker)?\.js$|pagefind-entry\.json$|\.pagefind$|\.pf_meta$/.test(path))
		return 'Pagefind engine + metadata';
	if (path.includes('/pagefind/index/')) return 'index chunks';
	if (path.includes('/pagefind/fragment/')) return 'result fragments';
	if (path.includes('/pagefind/filter/')) return 'filters';
	return 'other';
}

async function startServer(port) {
	if (!existsSync(join(ROOT, 'dist/pagefind/pagefind.js')))
		throw new Error('No built site in dist/: run `npm run build` first.');
	const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), '--port', String(port), '--quiet'], {
		stdio: 'inherit',
	});
	for (let i = 0; i < 50; i++) {
		try {
			if ((await fetch(`http://localhost:${port}/`)).ok) return server;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error(`scripts/serve.mjs did not start on port ${port}`);
}

/** Every request the page and its workers (Pagefind searches in a worker) complete, in order. */
function requestLog(context) {
	const done = [];
	context.on('requestfinished', (request) => done.push(request.url()));
	return { mark: () => done.length, since: (start) => done.slice(start) };
}

const sizes = new Map();
/**
 * A file's size as scripts/serve.mjs sends it (uncompressed), and gzipped, as a compressing host
 * would send it. Measured from the server rather than the browser, which reports no body size for
 * some worker requests.
 */
async function sizeOf(url) {
	if (!sizes.has(url)) {
		const body = Buffer.from(await (await fetch(url)).arrayBuffer());
		sizes.set(url, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
	}
	return sizes.get(url);
}

async function summarise(urls) {
	const files = await Promise.all(urls.map(async (url) => ({ url, ...(await sizeOf(url)) })));
	const byKind = {};
	for (const f of files) byKind[kind(f.url)] = (byKind[kind(f.url)] ?? 0) + f.gzip;
	return {
		raw: files.reduce((n, f) => n + f.raw, 0),
		gzip: files.reduce((n, f) => n + f.gzip, 0),
		requests: files.length,
		byKind,
	};
}

/** In the page: notes the last keystroke and the first visible result for the awaited query. */
async function installWatcher(page) {
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.bench = { query: null, lastKey: 0, firstResult: 0 };
		addEventListener('keydown', () => (w.bench.lastKey = performance.now()), { capture: true });
		const dialog = document.querySelector('search-dialog');
		new MutationObserver(() => {
			const { query, firstResult } = w.bench;
			if (!query || firstResult) return;
			const summary = (dialog?.querySelector('pagefind-summary')?.textContent ?? '').toLowerCase();
			if (!summary.includes(`“${query.toLowerCase()}”`)) return;
			const box = dialog?.querySelector('.search-result')?.getBoundingClientRect();
			if (box && box.height > 0) w.bench.firstResult = performance.now();
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
}

/** Starts waiting for `query`; resolves to the milliseconds from last keystroke to first result. */
async function expectResult(page, query) {
	await page.evaluate(
		(q) => Object.assign(/** @type {any} */ (window).bench, { query: q, lastKey: 0, firstResult: 0 }),
		query,
	);
	return async () => {
		await page.waitForFunction(() => /** @type {any} */ (window).bench.firstResult > 0, null, { timeout: 30_000 });
		return page.evaluate(() => {
			const { lastKey, firstResult } = /** @type {any} */ (window).bench;
			return firstResult - lastKey;
		});
	};
}

async function typeQuery(page, query) {
	const field = page.getByRole('dialog').getByRole('searchbox');
	await field.pressSequentially(query, { delay: TYPING_DELAY });
}

async function oneRun(browser, base, query, throttle) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const meter = requestLog(context);
	if (throttle) await (await context.newCDPSession(page)).send('Network.emulateNetworkConditions', THROTTLE);
	await page.goto(`${base}${PAGE}`, { waitUntil: 'networkidle' });

	await installWatcher(page);

	// Cold: the first keystroke opens search.
	const start = meter.mark();
	const coldResult = await expectResult(page, query);
	await page.keyboard.press('Control+K');
	await typeQuery(page, query);
	const cold = await coldResult();
	const coldFiles = meter.since(start);

	// Warm: a later query in the loaded dialog (after another, so the engine is ready).
	const field = page.getByRole('dialog').getByRole('searchbox');
	await field.fill('');
	const first = await expectResult(page, WARM_FIRST);
	await typeQuery(page, WARM_FIRST);
	await first();
	await field.fill('');
	await page.waitForTimeout(300);
	const warmStart = meter.mark();
	const warmResult = await expectResult(page, query);
	await typeQuery(page, query);
	const warm = await warmResult();
	const warmFiles = meter.since(warmStart);
	await context.close();

	return {
		cold: { ms: cold, ...(await summarise(coldFiles)) },
		warm: { ms: warm, ...(await summarise(warmFiles)) },
	};
}

/**
 * Runs the benchmark. Serves dist/ itself on `port` unless `baseUrl` is given.
 * @param {{ runs?: number, port?: number, baseUrl?: string, queries?: string[], throttle?: boolean }} [options]
 */
export async function benchSearch(options = {}) {
	const { runs = 5, port = 4433, queries = QUERIES, throttle = false } = options;
	const server = options.baseUrl ? null : await startServer(port);
	const base = options.baseUrl ?? `http://localhost:${port}`;
	const executablePath = await findChromium();
	const browser = await chromium.launch({ ...(executablePath && { executablePath }), args: CHROMIUM_FLAGS });
	try {
		const results = [];
		for (const query of queries) {
			const samples = [];
			for (let i = 0; i < runs; i++) samples.push(await oneRun(browser, base, query, throttle));
			const pick = (phase, key) => median(samples.map((s) => s[phase][key]));
			const phase = (name) => ({
				ms: pick(name, 'ms'),
				raw: pick(name, 'raw'),
				gzip: pick(name, 'gzip'),
				requests: pick(name, 'requests'),
				byKind: kinds(name),
			});
			const kinds = (phase) => {
				const names = new Set(samples.flatMap((s) => Object.keys(s[phase].byKind)));
				return Object.fromEntries([...names].map((k) => [k, median(samples.map((s) => s[phase].byKind[k] ?? 0))]));
			};
			results.push({
				query,
				cold: phase('cold'),
				warm: phase('warm'),
				samples,
			});
		}
		return {
			date: new Date().toISOString(),
			page: PAGE,
			runs,
			network: throttle ? 'throttled: 40 ms latency, 10 Mbit/s down' : 'localhost, unthrottled',
			chromium: browser.version(),
			typingDelayMs: TYPING_DELAY,
			results,
		};
	} finally {
		await browser.close();
		server?.kill();
	}
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export function toMarkdown(report) {
	const bytes = (p) => `${kb(p.gzip)} (${kb(p.raw)} raw, ${p.requests} requests)`;
	const rows = report.results.map(
		(r) =>
			`| ${r.query} | ${bytes(r.cold)} | ${Math.round(r.cold.ms)} ms | ${bytes(r.warm)} | ${Math.round(r.warm.ms)} ms |`,
	);
	const kinds = [...new Set(report.results.flatMap((r) => Object.keys(r.cold.byKind)))]
		.filter((k) => report.results.some((r) => r.cold.byKind[k]))
		.sort();
	const breakdown = kinds.map((k) => `| ${k} | ${report.results.map((r) => kb(r.cold.byKind[k] ?? 0)).join(' | ')} |`);
	return `# Search benchmark

${report.date} · ${report.network} · Chromium ${report.chromium} · median of ${report.runs} runs · typing ${report.typingDelayMs} ms a key · from ${report.page}

Bytes: everything fetched from the first keystroke (Ctrl+K, which opens search) until the first result is visible,
by the page and by Pagefind's worker, as gzip would send it (with the uncompressed size that scripts/serve.mjs
sends, and the number of requests). Time: from the last keystroke to the first visible result, including the
search field's 200 ms debounce. *Warm*: a later query in the same dialog, once search has loaded.

| Query | Cold: bytes | Cold: last key → result | Warm: bytes | Warm: last key → result |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

Cold bytes (gzip) by kind:

| Kind | ${report.results.map((r) => r.query).join(' | ')} |
| --- | ${report.results.map(() => '---').join(' | ')} |
${breakdown.join('\n')}
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const args = process.argv.slice(2);
	const value = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
	const report = await benchSearch({
		runs: Number(value('--runs')) || 5,
		port: Number(value('--port')) || 4433,
		throttle: args.includes('--throttle'),
	});
	const dir = join(ROOT, 'bench/results');
	await mkdir(dir, { recursive: true });
	const name = report.network.startsWith('throttled') ? 'search-throttled' : 'search';
	await writeFile(join(dir, `${name}.json`), `${JSON.stringify(report, null, '\t')}\n`);
	await writeFile(join(dir, `${name}.md`), toMarkdown(report));
	console.log(toMarkdown(report));
}
