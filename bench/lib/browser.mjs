/**
 * What a reader's browser fetches, measured with Playwright in a fresh context each time (an
 * empty cache, as on a first visit). Sizes are gzip bytes of each response body, computed here,
 * so they do not depend on whether the local server compresses.
 */
import { chromium } from '@playwright/test';
import { BROWSER_FLAGS, chromePath, gzipBytes, median, sleep } from './common.mjs';

/** Lighthouse's mobile viewport, so the two harnesses see the same layout. */
const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
/** Lighthouse's desktop viewport: wide enough for the timeline's chart, which phones do not get. */
const DESKTOP = { viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1 };

export async function openBrowser() {
	return chromium.launch({ executablePath: await chromePath(), args: BROWSER_FLAGS });
}

/** Records the gzip size of every response while `recording` is on. */
function recorder(page) {
	const state = { on: false, parts: [], pending: [] };
	page.on('response', (response) => {
		if (!state.on) return;
		const type = response.request().resourceType();
		state.pending.push(
			response
				.body()
				.then((body) => state.parts.push({ url: response.url(), type, bytes: gzipBytes(body) }))
				.catch(() => {}), // redirects and aborted requests have no body
		);
	});
	return {
		start: () => {
			state.on = true;
			state.parts = [];
		},
		stop: async () => {
			state.on = false;
			await Promise.all(state.pending);
			return state.parts;
		},
	};
}

const byType = (parts) => {
	const out = { total: 0 };
	for (const p of parts) {
		const key = { document: 'html', script: 'js', stylesheet: 'css', image: 'img', font: 'font' }[p.type] ?? 'other';
		out[key] = (out[key] ?? 0) + p.bytes;
		out.total += p.bytes;
	}
	return out;
};

/** Everything a first visit loads before any interaction, by kind, in gzip bytes. */
export async function firstVisit(browser, url, { desktop = false } = {}) {
	const context = await browser.newContext(desktop ? DESKTOP : MOBILE);
	const page = await context.newPage();
	const rec = recorder(page);
	rec.start();
	const response = await page.goto(url, { waitUntil: 'networkidle' });
	await sleep(500); // idle-time work (e.g. a prefetch) would show here
	const parts = await rec.stop();
	await context.close();
	return { status: response?.status() ?? 0, ...byType(parts), files: parts.length };
}

/**
 * Search through Pagefind's own API, the same way on any site: bytes from the first query to its
 * first result's data (pagefind.js, WebAssembly, index and fragment), and time from issuing the
 * last query to its first result. Median of `runs` fresh visits.
 */
export async function searchViaApi(
	browser,
	baseUrl,
	{ first = 'Stoltenberg', last = 'neutrality guarantees', runs = 5 } = {},
) {
	const bytes = [];
	const times = [];
	let results = 0;
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext(MOBILE);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
		const rec = recorder(page);
		rec.start();
		const firstResult = await page.evaluate(async (q) => {
			const pagefind = await import('/pagefind/pagefind.js');
			window.benchPagefind = pagefind;
			const found = await pagefind.search(q);
			await found.results[0]?.data();
			return found.results.length;
		}, first);
		const parts = await rec.stop();
		const lastMs = await page.evaluate(async (q) => {
			const t0 = performance.now();
			const found = await window.benchPagefind.search(q);
			await found.results[0]?.data();
			return performance.now() - t0;
		}, last);
		bytes.push(parts.reduce((n, p) => n + p.bytes, 0));
		times.push(lastMs);
		results = firstResult;
		await context.close();
	}
	return {
		method: 'Pagefind API',
		bytesToFirstResult: median(bytes),
		lastQueryToResultMs: Math.round(median(times)),
		results,
	};
}
