/** The benchmark's results as JSON and as a Markdown report with ours/Starlight ratios. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? (a / b).toFixed(2) : '–');
const num = (n) => (typeof n === 'number' ? n.toLocaleString('en-GB') : '–');
/** A Lighthouse figure; performance also shows the range over the runs. */
const cell = (l, key) =>
	key === 'performance' && l?.performanceRange
		? `${l.performance} (${l.performanceRange.join('–')} over ${l.runs} runs${l.lostRuns ? `, ${l.lostRuns} lost and rerun` : ''})`
		: num(l?.[key]);
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

const kb = (n) => (typeof n === 'number' ? `${(n / 1024).toFixed(1)} KB` : '–');
const parts = (t) =>
	t
		? `${num(t.total)} (HTML ${num(t.html)}, CSS ${num(t.css ?? 0)}, JS ${num(t.js ?? 0)}, other ${num((t.img ?? 0) + (t.font ?? 0) + (t.other ?? 0))})`
		: '–';

/** The timeline at desktop width (chart and enhancer loaded) against its eager-JS budget (src/lib/budgets.ts), and Starlight's event list. */
function timelineSection(t) {
	if (!t) return '';
	const o = t.desktop;
	const s = t.starlightDesktop;
	return `## The timeline page

Its chart, and the D3 script that enhances it, appear only on screens at least 60rem wide, so the page is also measured at
Lighthouse's desktop width (1350 px). Eager JavaScript is what loads before any interaction (gzip); the byte budget for it
is ${kb(t.budgetJs)}.

${table(
	['Width', 'Eager JS (ours)', 'Within budget', 'TBT ms (ours)', 'Eager JS (Starlight)', 'TBT ms (Starlight)'],
	[
		[
			'phone (412 px, mobile Lighthouse)',
			kb(t.mobile.js),
			t.mobile.js <= t.budgetJs ? 'yes' : '**no**',
			num(t.mobile.tbtMs),
			'–',
			'–',
		],
		[
			'desktop (1350 px, desktop Lighthouse)',
			kb(o.transfer.js ?? 0),
			(o.transfer.js ?? 0) <= t.budgetJs ? 'yes' : '**no**',
			num(o.lighthouse.tbtMs),
			kb(s?.transfer.js ?? 0),
			num(s?.lighthouse.tbtMs),
		],
	],
)}

Desktop Lighthouse, ours: performance ${cell(o.lighthouse, 'performance')}, LCP ${num(o.lighthouse.lcpMs)} ms, CLS ${num(o.lighthouse.cls)}; whole first visit ${parts(o.transfer)}.
`;
}

/**
 * bench/search.mjs's side-by-side table (our dialog and Starlight's, typed into on the home page),
 * as measureSearch wrote it, its heading made a subsection.
 */
function sharedSearchSection(shared) {
	const md = shared?.ours?.markdown;
	if (!md) return '';
	return `\n### The search dialog, side by side (\`${shared.module}\`, \`${shared.export}\`)\n\n${md.replace(/^# .*\n+/, '')}\n`;
}

export function markdown(r) {
	const lh = [];
	const tr = [];
	for (const p of r.pages) {
		const o = p.ours.lighthouse;
		const s = p.starlight?.lighthouse;
		for (const [label, key] of [
			['Performance', 'performance'],
			['Accessibility', 'accessibility'],
			['Best practices', 'bestPractices'],
			['SEO', 'seo'],
			['LCP (ms)', 'lcpMs'],
			['TBT (ms)', 'tbtMs'],
			['CLS', 'cls'],
		])
			lh.push([`${p.type} \`${p.path}\``, label, cell(o, key), cell(s, key), ratio(o[key], s?.[key])]);
		const ot = p.ours.transfer;
		const st = p.starlight?.transfer;
		tr.push([`${p.type} \`${p.path}\``, parts(ot), st ? parts(st) : '– (no search page)', ratio(ot.total, st?.total)]);
	}
	const failing = r.pages.flatMap((p) =>
		[
			['ours', p.ours.lighthouse],
			['Starlight', p.starlight?.lighthouse],
		]
			.filter(([, l]) => l?.failing?.length)
			.map(([who, l]) => `- ${who}, ${p.type}: ${l.failing.join(', ')}`),
	);
	const api = r.search.api ?? {};
	const searchRows = [
		[
			'Pagefind API: bytes, first query to first result',
			num(api.ours?.bytesToFirstResult),
			num(api.starlight?.bytesToFirstResult),
			ratio(api.ours?.bytesToFirstResult, api.starlight?.bytesToFirstResult),
		],
		[
			'Pagefind API: ms, last query to its first result (median of 5)',
			num(api.ours?.lastQueryToResultMs),
			num(api.starlight?.lastQueryToResultMs),
			ratio(api.ours?.lastQueryToResultMs, api.starlight?.lastQueryToResultMs),
		],
	];
	const scaleRows = r.scale.map((s) => [
		num(s.articles),
		num(s.pages),
		num(s.buildSeconds),
		s.secondsPerPage.toFixed(4),
		num(s.indexBytes),
		num(s.bytesPerSearch),
		num(s.searchMs),
	]);
	const skipped = r.skipped?.length
		? `> **Incomplete:** these parts did not run, and \`npm run bench\` exited 1:\n${r.skipped.map((x) => `> - ${x}`).join('\n')}\n\n`
		: '';
	const starlightPages = Object.entries(r.starlight.pages ?? {})
		.map(
			([type, what]) => `- ${type}: ${what ?? 'none (Starlight’s search is a dialog on every page; see Search cost)'}`,
		)
		.join('\n');
	return `# Benchmark

${skipped}${r.date} · Node ${r.machine.node} · ${r.machine.cpus} × ${r.machine.cpu} · ${r.machine.chromium} · whole run ${r.totalSeconds} s

Compared with Starlight ${r.starlight.version} (default theme, built-in Pagefind search) built from the same content, a page at the same path for each of our page types:

${starlightPages}

Ratios are ours ÷ Starlight: below 1 is smaller or faster. Our build took ${r.oursBuildSeconds} s, Starlight's ${r.starlight.buildSeconds} s. Timings come from a shared 2-core machine; bytes are exact.

## Lighthouse (mobile, simulated throttling, median of several runs; goal 100)

${table(['Page', 'Figure', 'Ours', 'Starlight', 'Ours/Starlight'], lh)}

${failing.length ? `Audits not passed:\n${failing.join('\n')}` : 'Every scored audit passed on every page.'}

## First-visit transfer (gzip bytes of everything loaded before interaction)

${table(['Page', 'Ours', 'Starlight', 'Ours/Starlight'], tr)}

${timelineSection(r.timeline)}
## Search cost

${table(['Figure', 'Ours', 'Starlight', 'Ours/Starlight'], searchRows)}
${sharedSearchSection(r.search.shared)}
## Scale (synthetic articles made from the real ones; every content check on)

${table(['Articles', 'Pages', 'Build (s)', 's per page', 'Pagefind index (B)', 'Bytes per search', 'Search (ms)'], scaleRows)}

## Notes

${r.notes.map((n) => `- ${n}`).join('\n') || '- none'}
`;
}

export function writeReport(result, dir) {
	const json = join(dir, 'report.json');
	const md = join(dir, 'report.md');
	writeFileSync(json, `${JSON.stringify(result, null, '\t')}\n`);
	writeFileSync(md, markdown(result));
	return [json, md];
}
