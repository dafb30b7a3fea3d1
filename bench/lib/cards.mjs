/**
 * What preview cards cost the build. Called by bench/run.mjs (one call, so the runner can change
 * freely around it) or alone with `npm run bench:cards`; writes bench/results/cards.{md,json}.
 *
 * - Today's size, measured: a copy of the project built twice, first with an empty card cache
 *   (every card rendered), then again (every card from the cache). The difference is the time the
 *   images add to a first build; the second build is what a rebuild with unchanged content pays.
 * - Per card, measured: page and quote cards rendered in this process (through Vite, from the same
 *   src/lib/card-render.ts the build uses) from a cold cache, then read from it.
 * - At 500 and 5,000 articles, projected: the cards such a site would have (its pages, and with
 *   quote cards on, every paragraph, explainer section and event) times the measured cost per card.
 *   Rendering 80,000 quote cards for real would take the better part of an hour on a 2-core machine,
 *   which is the reason `SHARE.quoteCards` (QUOTE_CARDS=off) exists; the projection says when to use it.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT, run } from './common.mjs';
import { copyProject, realArticles } from './scale.mjs';

const SAMPLE = Number(process.env.BENCH_CARD_SAMPLE ?? 40);

const countFiles = (dir, re) => {
	let n = 0;
	const walk = (at) => {
		for (const e of readdirSync(at, { withFileTypes: true })) {
			if (e.isDirectory()) walk(join(at, e.name));
			else if (re.test(e.name)) n++;
		}
	};
	walk(dir);
	return n;
};

/**
 * Builds, returning wall time and CPU time (user + system of the build and its children, from
 * bash's `times`): on a shared machine the wall time mostly measures the neighbours.
 */
async function build(root, env = {}) {
	const astro = join(root, 'node_modules/astro/bin/astro.mjs');
	const result = await run('bash', ['-c', '"$0" "$@" || exit $?; times', process.execPath, astro, 'build'], {
		cwd: root,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
	});
	if (result.code !== 0) throw new Error(`card bench build failed:\n${result.output.slice(-3000)}`);
	const children = result.output.trim().split('\n').at(-1) ?? '';
	const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((s, m) => s + Number(m[1]) * 60 + Number(m[2]), 0);
	return { wall: result.seconds, cpu };
}

/** CPU milliseconds (user + system) spent in this process by `fn`, and its wall milliseconds. */
async function measure(fn) {
	const cpu = process.cpuUsage();
	const t = performance.now();
	await fn();
	const used = process.cpuUsage(cpu);
	return { wallMs: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
}

/** Loads the project's TypeScript modules through Vite, as the build does. */
async function loadModules() {
	const { createServer } = await import(pathToFileURL(join(PROJECT, 'node_modules/vite/dist/node/index.js')).href);
	const server = await createServer({
		root: PROJECT,
		configFile: false,
		logLevel: 'error',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, ws: false },
		optimizeDeps: { noDiscovery: true, include: [] },
	});
	const [render, paragraphs] = await Promise.all([
		server.ssrLoadModule('/src/lib/card-render.ts'),
		server.ssrLoadModule('/src/lib/paragraphs.ts'),
	]);
	return { render, paragraphs, close: () => server.close() };
}

const round = (n, d = 1) => Number(n.toFixed(d));

export async function benchCards({ log = console.log, scales = [500, 5000] } = {}) {
	const result = { date: new Date().toISOString(), today: {}, perCard: {}, scales: [] };

	log('Cards: building today’s site with an empty card cache, then again with it full …');
	const root = copyProject('talks-cards-');
	try {
		const cold = await build(root);
		const warm = await build(root);
		const og = join(root, 'dist/og');
		const cards = countFiles(og, /\.png$/);
		const quoteCards = countFiles(join(og, 's'), /\.png$/);
		result.today = {
			cards,
			pageCards: cards - quoteCards,
			quoteCards,
			coldBuild: { wallSeconds: round(cold.wall), cpuSeconds: round(cold.cpu) },
			warmBuild: { wallSeconds: round(warm.wall), cpuSeconds: round(warm.cpu) },
			added: { wallSeconds: round(cold.wall - warm.wall), cpuSeconds: round(cold.cpu - warm.cpu) },
			cpuSecondsPer1000Cards: round(((cold.cpu - warm.cpu) / cards) * 1000),
		};
	} finally {
		rmSync(root, { recursive: true, force: true });
	}

	log(`Cards: rendering ${SAMPLE} page and ${SAMPLE} quote cards in process …`);
	const mods = await loadModules();
	const cache = mkdtempSync(join(tmpdir(), 'talks-card-cache-'));
	try {
		const site = { name: 'The 2022 Security Talks', tagline: 'NATO, Russia and Ukraine, January–March 2022' };
		const real = realArticles();
		const paras = real.flatMap((a) =>
			mods.paragraphs.extractParagraphs(a.body).map((p) => ({ title: a.data.title, n: p.id.slice(1), text: p.text })),
		);
		const pageSpecs = Array.from({ length: SAMPLE }, (_, i) => ({
			type: 'page',
			kind: 'Source article',
			title: `${real[i % real.length].data.title} (${i})`,
			date: '10 January 2022',
		}));
		const quoteSpecs = Array.from({ length: SAMPLE }, (_, i) => {
			const p = paras[i % paras.length];
			return { type: 'quote', kind: `Source article · paragraph ${p.n} · ${i}`, quote: p.text, source: `“${p.title}”` };
		});
		const time = async (specs) => {
			const m = await measure(async () => {
				for (const spec of specs) await mods.render.cachedCard(spec, site, cache);
			});
			return { wallMs: m.wallMs / specs.length, cpuMs: m.cpuMs / specs.length };
		};
		await mods.render.renderCard(pageSpecs[0], site); // fonts and WebAssembly loaded once, outside the timing
		const page = await time(pageSpecs);
		const quote = await time(quoteSpecs);
		const cached = await time([...pageSpecs, ...quoteSpecs]);
		// Projections use CPU time: what one core free of neighbours would take.
		const pageMs = page.cpuMs;
		const quoteMs = quote.cpuMs;
		const cachedMs = cached.cpuMs;
		result.perCard = {
			sample: SAMPLE,
			pageCard: { cpuMs: round(page.cpuMs), wallMs: round(page.wallMs) },
			quoteCard: { cpuMs: round(quote.cpuMs), wallMs: round(quote.wallMs) },
			cachedCard: { cpuMs: round(cached.cpuMs, 2), wallMs: round(cached.wallMs, 2) },
		};

		// At scale: the synthetic articles of bench/lib/scale.mjs keep their source's paragraphs.
		const perArticle = real.map((a) => mods.paragraphs.extractParagraphs(a.body).length);
		const { pageCards, quoteCards } = result.today;
		for (const count of scales) {
			let paragraphs = 0;
			for (let i = 0; i < count; i++) paragraphs += perArticle[i % perArticle.length];
			const pages = pageCards + count;
			const quotes = quoteCards + paragraphs;
			result.scales.push({
				articles: count + real.length,
				pageCards: pages,
				quoteCards: quotes,
				addedSeconds: round((pages * pageMs + quotes * quoteMs) / 1000),
				addedSecondsWithoutQuoteCards: round((pages * pageMs) / 1000),
				rebuildSeconds: round(((pages + quotes) * cachedMs) / 1000),
			});
		}
	} finally {
		await mods.close();
		rmSync(cache, { recursive: true, force: true });
	}

	result.markdown = markdown(result);
	const dir = join(PROJECT, 'bench/results');
	writeFileSync(join(dir, 'cards.json'), `${JSON.stringify(result, null, '\t')}\n`);
	writeFileSync(join(dir, 'cards.md'), `${result.markdown}\n`);
	log(`Cards: ${result.today.cards} cards add ${result.today.added.cpuSeconds} s of CPU to a first build today.`);
	return result;
}

const num = (n) => n.toLocaleString('en-GB');

function markdown(r) {
	const t = r.today;
	const p = r.perCard;
	return [
		'## Preview cards (build time)',
		'',
		`Today's site: ${num(t.cards)} cards (${num(t.pageCards)} pages, ${num(t.quoteCards)} quotes). A build with an empty card cache took ${t.coldBuild.cpuSeconds} s of CPU (${t.coldBuild.wallSeconds} s wall), with a full one ${t.warmBuild.cpuSeconds} s (${t.warmBuild.wallSeconds} s wall): the images add **${t.added.cpuSeconds} s of CPU, ${t.cpuSecondsPer1000Cards} s per 1,000 cards** (${t.added.wallSeconds} s wall on this machine at the time).`,
		'',
		`Rendered in process (${p.sample} of each), CPU per card: a page card ${p.pageCard.cpuMs} ms, a quote card ${p.quoteCard.cpuMs} ms, a card from the cache ${p.cachedCard.cpuMs} ms; that is ${p.pageCard.cpuMs} s, ${p.quoteCard.cpuMs} s and ${p.cachedCard.cpuMs} s per 1,000 cards (wall: ${p.pageCard.wallMs}, ${p.quoteCard.wallMs} and ${p.cachedCard.wallMs} ms per card).`,
		'',
		'| Articles | Page cards | Quote cards | First build adds (CPU s) | …with quote cards off (CPU s) | Rebuild, all cached (CPU s) |',
		'| --- | --- | --- | --- | --- | --- |',
		...r.scales.map(
			(s) =>
				`| ${num(s.articles)} | ${num(s.pageCards)} | ${num(s.quoteCards)} | ${num(s.addedSeconds)} | ${num(s.addedSecondsWithoutQuoteCards)} | ${num(s.rebuildSeconds)} |`,
		),
		'',
		'At 500 and 5,000 articles the figures are projections: the cards such a site has, times the measured CPU cost per card (the build renders cards one after another, on one core). CPU time is reported because wall time on a shared machine mostly measures the neighbours. Set `QUOTE_CARDS=off` (or `SHARE.quoteCards` in src/lib/site.ts) when quote cards cost more than they are worth.',
	].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const scales = (process.env.BENCH_SCALES ?? '500,5000').split(',').filter(Boolean).map(Number);
	await benchCards({ scales });
}
