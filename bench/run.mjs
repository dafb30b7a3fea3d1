#!/usr/bin/env node
/**
 * npm run bench: Lighthouse and first-visit transfer for every page type (home, article,
 * explainer, timeline, search, person), side by side with the same content as a Starlight site;
 * the timeline's script and blocking time at desktop width, where its chart loads; search cost on
 * both sites; then build cost and search cost at 500 and 5,000 synthetic articles. Writes
 * bench/results/report.md and report.json. Not part of npm test: these are timings on a shared
 * machine, reported rather than asserted.
 *
 * Every part must run. A part that cannot (a page type missing from the build, a search benchmark
 * without its export, a Starlight page that did not build) is a failure: the report is written,
 * marked incomplete, and the process exits 1 naming each missing part.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { openBrowser, firstVisit, searchViaApi } from './lib/browser.mjs';
import { PROJECT, chromePath, run, serve } from './lib/common.mjs';
import { audit } from './lib/lighthouse.mjs';
import { writeReport } from './lib/report.mjs';
import { PAGE_TYPES } from '../src/lib/budgets.ts';
import { buildAtScale } from './lib/scale.mjs';
import { STARLIGHT_PAGES, buildStarlight } from './lib/starlight.mjs';
import * as searchBench from './search.mjs';
import { benchCards } from './lib/cards.mjs';

const SCALES = (process.env.BENCH_SCALES ?? '500,5000').split(',').filter(Boolean).map(Number);
/**
 * BENCH_REUSE=scale: skip the builds at scale and the preview-card part (half an hour on 2 cores)
 * and carry their figures over from the report.json already there, saying so in the report. For
 * re-measuring pages and search on a quiet machine after a full run on a busy one.
 */
const REUSE = process.env.BENCH_REUSE === 'scale';
const SEARCH_RUNS = Number(process.env.BENCH_SEARCH_RUNS) || 5;
const t0 = performance.now();
const log = (...args) => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s]`, ...args);

const result = {
	date: new Date().toISOString(),
	machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, chromium: '' },
	notes: [],
	/** Parts that should have run and did not. Any entry makes the run fail. */
	skipped: [],
	pages: [],
	timeline: null,
	search: {},
	scale: [],
};
const skip = (message) => {
	result.skipped.push(message);
	console.error(`[bench] SKIPPED: ${message}`);
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
result.starlight = { version: starlight.version, buildSeconds: starlight.buildSeconds, pages: STARLIGHT_PAGES };

const ours = await serve(join(PROJECT, 'dist'));
const theirs = await serve(starlight.dist);
const browser = await openBrowser();
const status = async (url) => (await fetch(url)).status;

try {
	// One page of each type: the first of its kind in the sitemap, or the fixed route.
	const sitemap = readFileSync(join(PROJECT, 'dist/sitemap-0.xml'), 'utf8');
	const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
	const firstOf = (re) => paths.find((p) => re.test(p));
	const types = [
		{ type: 'home', path: '/' },
		{ type: 'article', path: firstOf(/^\/articles\/[^/]+\/$/) },
		{ type: 'explainer', path: firstOf(/^\/explainers\/[^/]+\/$/) },
		{ type: 'timeline', path: '/timeline/' },
		{ type: 'search', path: '/search/' },
		{ type: 'person', path: firstOf(/^\/people\/[^/]+\/$/) },
	];
	for (const t of types) {
		const code = t.path ? await status(`${ours.url}${t.path}`) : 404;
		if (code !== 200) {
			skip(`${t.type} page: ${t.path ?? 'none in the sitemap'} answers ${code} on this site`);
			continue;
		}
		const page = { type: t.type, path: t.path };
		log(`Lighthouse and transfer: ${t.type} ${t.path}`);
		page.ours = {
			lighthouse: await audit(`${ours.url}${t.path}`),
			transfer: await firstVisit(browser, `${ours.url}${t.path}`),
		};
		if (STARLIGHT_PAGES[t.type]) {
			const theirCode = await status(`${theirs.url}${t.path}`);
			if (theirCode === 200) {
				log(`Lighthouse and transfer: Starlight ${t.path}`);
				page.starlight = {
					path: t.path,
					lighthouse: await audit(`${theirs.url}${t.path}`),
					transfer: await firstVisit(browser, `${theirs.url}${t.path}`),
				};
			} else skip(`Starlight ${t.type} page: ${t.path} answers ${theirCode} on the Starlight build`);
		}
		result.pages.push(page);
	}

	// The timeline's chart (and the script that enhances it) appears only at desktop width.
	if (result.pages.some((p) => p.type === 'timeline')) {
		log('Timeline at desktop width …');
		result.timeline = {
			path: '/timeline/',
			budgetJs: PAGE_TYPES.find((t) => t.name === 'timeline').budget.eagerJs,
			mobile: {
				js: result.pages.find((p) => p.type === 'timeline').ours.transfer.js ?? 0,
				tbtMs: result.pages.find((p) => p.type === 'timeline').ours.lighthouse.tbtMs,
			},
			desktop: {
				transfer: await firstVisit(browser, `${ours.url}/timeline/`, { desktop: true }),
				lighthouse: await audit(`${ours.url}/timeline/`, { desktop: true }),
			},
			starlightDesktop: {
				transfer: await firstVisit(browser, `${theirs.url}/timeline/`, { desktop: true }),
				lighthouse: await audit(`${theirs.url}/timeline/`, { desktop: true }),
			},
		};
	}

	log('Search cost …');
	// The dialog typed into on both sites, side by side; then Pagefind's API alone on each.
	try {
		result.search.shared = {
			module: 'bench/search.mjs',
			export: 'measureSearch',
			ours: await searchBench.measureSearch({
				baseUrl: ours.url,
				starlightUrl: theirs.url,
				starlightVersion: starlight.version,
				runs: SEARCH_RUNS,
				log,
			}),
		};
		if (!result.search.shared.ours?.sites?.length) skip('search benchmark: measureSearch returned no sites');
	} catch (error) {
		skip(`search benchmark (bench/search.mjs measureSearch) failed: ${error.message.split('\n')[0]}`);
	}
	result.search.api = {
		ours: await searchViaApi(browser, ours.url),
		starlight: await searchViaApi(browser, theirs.url),
	};
} finally {
	await browser.close();
	ours.stop();
	theirs.stop();
}

const previous = join(PROJECT, 'bench/results/report.json');
if (REUSE) {
	const before = JSON.parse(readFileSync(previous, 'utf8'));
	if (!before.scale?.length || !before.cards)
		throw new Error(`BENCH_REUSE=scale: ${previous} has no scale or card figures`);
	result.scale = before.scale;
	result.cards = before.cards;
	result.notes.push(
		`The scale and preview-card figures are carried over from the full run of ${before.date} (BENCH_REUSE=scale); the pages and search were measured again on a quieter machine.`,
	);
}
for (const count of REUSE ? [] : SCALES) {
	log(`Building with ${count} synthetic articles …`);
	let scaled;
	try {
		scaled = await buildAtScale(count);
	} catch (error) {
		skip(`scale, ${count} articles: ${error.message.split('\n')[0]}`);
		continue;
	}
	const server = await serve(scaled.dist);
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
if (!REUSE) result.cards = await benchCards({ log, scales: SCALES });

result.totalSeconds = Math.round((performance.now() - t0) / 1000);
const written = writeReport(result, join(PROJECT, 'bench/results'));
log(`Done in ${result.totalSeconds} s: ${written.join(', ')}`);
if (result.skipped.length) {
	console.error(
		`\nThe benchmark is INCOMPLETE: ${result.skipped.length} part(s) did not run:\n${result.skipped.map((s) => `  - ${s}`).join('\n')}\nThe report says so at its top. Fix the cause and run \`npm run bench\` again.`,
	);
	process.exit(1);
}
