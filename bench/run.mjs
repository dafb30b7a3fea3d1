#!/usr/bin/env node
/**
 * npm run bench: Lighthouse, first-visit transfer and search cost for each page type, side by
 * side with the same articles as a Starlight site, then build cost and search cost at 500 and
 * 5,000 synthetic articles. Writes bench/results/report.md and report.json. Not part of npm test:
 * these are timings on a shared machine, reported rather than asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openBrowser, firstVisit, searchViaApi, searchViaUi } from './lib/browser.mjs';
import { PROJECT, chromePath, run, serve } from './lib/common.mjs';
import { audit } from './lib/lighthouse.mjs';
import { writeReport } from './lib/report.mjs';
import { buildAtScale } from './lib/scale.mjs';
import { buildStarlight } from './lib/starlight.mjs';
import { benchCards } from './lib/cards.mjs';

const PORTS = { ours: 4441, starlight: 4442, scale: 4443, lighthouse: 4444 };
const SCALES = (process.env.BENCH_SCALES ?? '500,5000').split(',').filter(Boolean).map(Number);
const t0 = performance.now();
const log = (...args) => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s]`, ...args);

const result = {
	date: new Date().toISOString(),
	machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, chromium: '' },
	notes: [],
	pages: [],
	search: {},
	scale: [],
};

const chromium = await chromePath();
result.machine.chromium = (await run(chromium, ['--version'])).output.trim().split('\n').at(-1);

log('Building this site …');
const build = await run(process.execPath, [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
	cwd: PROJECT,
	env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
});
if (build.code !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
result.oursBuildSeconds = Number(build.seconds.toFixed(1));

log('Building the Starlight comparison …');
const starlight = await buildStarlight(log);
result.starlight = { version: starlight.version, buildSeconds: starlight.buildSeconds };

const ours = await serve(join(PROJECT, 'dist'), PORTS.ours);
const theirs = await serve(starlight.dist, PORTS.starlight);
const browser = await openBrowser();

try {
	// One page of each type: the first of its kind in the sitemap, or the fixed route.
	const sitemap = readFileSync(join(PROJECT, 'dist/sitemap-0.xml'), 'utf8');
	const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
	const firstOf = (re) => paths.find((p) => re.test(p));
	const types = [
		{ type: 'home', path: '/', starlight: '/' },
		{ type: 'article', path: firstOf(/^\/articles\/[^/]+\/$/), starlight: 'same' },
		{ type: 'explainer', path: firstOf(/^\/explainers\/[^/]+\/$/), starlight: null },
		{ type: 'timeline', path: '/timeline/', starlight: null },
		{ type: 'search', path: '/search/', starlight: null },
	];
	for (const t of types) {
		const status = t.path ? (await fetch(`${ours.url}${t.path}`)).status : 404;
		if (status !== 200) {
			result.notes.push(`No ${t.type} page on this branch (${t.path ?? 'none in the sitemap'} → ${status}): skipped.`);
			continue;
		}
		const page = { type: t.type, path: t.path };
		log(`Lighthouse and transfer: ${t.type} ${t.path}`);
		page.ours = {
			lighthouse: await audit(`${ours.url}${t.path}`, PORTS.lighthouse),
			transfer: await firstVisit(browser, `${ours.url}${t.path}`),
		};
		const sPath = t.starlight === 'same' ? t.path : t.starlight;
		if (sPath) {
			log(`Lighthouse and transfer: Starlight ${sPath}`);
			page.starlight = {
				path: sPath,
				lighthouse: await audit(`${theirs.url}${sPath}`, PORTS.lighthouse),
				transfer: await firstVisit(browser, `${theirs.url}${sPath}`),
			};
		} else {
			result.notes.push(`Starlight has no ${t.type} page; that row has no ratio.`);
		}
		result.pages.push(page);
	}

	log('Search cost …');
	const shared = ['search.mjs', 'search.js', 'search/index.mjs', 'search/index.js']
		.map((f) => join(PROJECT, 'bench', f))
		.find(existsSync);
	if (shared) {
		const mod = await import(pathToFileURL(shared).href);
		if (typeof mod.measureSearch === 'function') {
			result.search.shared = {
				module: shared.slice(PROJECT.length + 1),
				ours: await mod.measureSearch({ baseUrl: ours.url, browser }),
			};
		} else result.notes.push(`${shared} has no measureSearch export; measured search here instead.`);
	} else {
		result.notes.push(
			'bench/search is not on this branch yet: search measured here, through the Pagefind API on both sites.',
		);
	}
	result.search.api = {
		ours: await searchViaApi(browser, ours.url),
		starlight: await searchViaApi(browser, theirs.url),
	};
	const starlightUi = {
		path: '/',
		open: async (page) => {
			await page.locator('button[data-open-modal]').click();
			const input = page.locator('.pagefind-ui__search-input');
			await input.waitFor();
			return input;
		},
		result: '.pagefind-ui__result-link',
		message: '.pagefind-ui__message',
	};
	result.search.ui = { starlight: await searchViaUi(browser, theirs.url, starlightUi) };
	if ((await fetch(`${ours.url}/search/`)).status === 200) {
		result.search.ui.ours = await searchViaUi(browser, ours.url, {
			path: '/search/',
			open: async (page) => page.getByRole('searchbox').first(),
			result: 'main a[href^="/articles/"]',
		});
	} else result.notes.push('No search UI on this branch: the UI row has Starlight only.');
} finally {
	await browser.close();
	ours.stop();
	theirs.stop();
}

for (const count of SCALES) {
	log(`Building with ${count} synthetic articles …`);
	const scaled = await buildAtScale(count);
	const server = await serve(scaled.dist, PORTS.scale);
	const b = await openBrowser();
	try {
		const search = await searchViaApi(b, server.url, { runs: 3 });
		const { articles, pages, buildSeconds, secondsPerPage, indexBytes } = scaled;
		result.scale.push({
			articles,
			pages,
			buildSeconds,
			secondsPerPage,
			indexBytes,
			bytesPerSearch: search.bytesToFirstResult,
			searchMs: search.lastQueryToResultMs,
		});
		log(`  ${scaled.pages} pages in ${scaled.buildSeconds} s; index ${scaled.indexBytes} B`);
	} finally {
		await b.close();
		server.stop();
		scaled.cleanup();
	}
}

// Preview cards: their own module and report (bench/results/cards.md).
result.cards = await benchCards({ log, scales: SCALES });

result.totalSeconds = Math.round((performance.now() - t0) / 1000);
const written = writeReport(result, join(PROJECT, 'bench/results'));
log(`Done in ${result.totalSeconds} s: ${written.join(', ')}`);
