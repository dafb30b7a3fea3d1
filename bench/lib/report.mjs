/** The benchmark's results as JSON and as a Markdown report with ours/Starlight ratios. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? (a / b).toFixed(2) : '–');
const num = (n) => (typeof n === 'number' ? n.toLocaleString('en-GB') : '–');
/** A Lighthouse figure; performance also shows the range over the runs. */
const cell = (l, key) =>
	key === 'performance' && l?.performanceRange
		? `${l.performance} (${l.performanceRange.join('–')} over ${l.runs} runs)`
		: num(l?.[key]);
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

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
		tr.push([
			`${p.type} \`${p.path}\``,
			`${num(ot.total)} (HTML ${num(ot.html)}, CSS ${num(ot.css ?? 0)}, JS ${num(ot.js ?? 0)}, other ${num((ot.img ?? 0) + (ot.font ?? 0) + (ot.other ?? 0))})`,
			st
				? `${num(st.total)} (HTML ${num(st.html)}, CSS ${num(st.css ?? 0)}, JS ${num(st.js ?? 0)}, other ${num((st.img ?? 0) + (st.font ?? 0) + (st.other ?? 0))})`
				: '–',
			ratio(ot.total, st?.total),
		]);
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
	const ui = r.search.ui ?? {};
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
		[
			'Search UI: bytes, first keystroke to first result',
			num(ui.ours?.bytesToFirstResult),
			num(ui.starlight?.bytesToFirstResult),
			ratio(ui.ours?.bytesToFirstResult, ui.starlight?.bytesToFirstResult),
		],
		[
			'Search UI: ms, last keystroke to result (median of 5, includes debounce)',
			num(ui.ours?.lastKeystrokeToResultMs),
			num(ui.starlight?.lastKeystrokeToResultMs),
			ratio(ui.ours?.lastKeystrokeToResultMs, ui.starlight?.lastKeystrokeToResultMs),
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
	return `# Benchmark

${r.date} · Node ${r.machine.node} · ${r.machine.cpus} × ${r.machine.cpu} · ${r.machine.chromium} · whole run ${r.totalSeconds} s

Compared with Starlight ${r.starlight.version} (default theme, built-in Pagefind search) built from the same five articles. Ratios are ours ÷ Starlight: below 1 is smaller or faster. Our build took ${r.oursBuildSeconds} s, Starlight's ${r.starlight.buildSeconds} s. Timings come from a shared 2-core machine; bytes are exact.

## Lighthouse (mobile, simulated throttling, median of several runs; goal 100)

${table(['Page', 'Figure', 'Ours', 'Starlight', 'Ours/Starlight'], lh)}

${failing.length ? `Audits not passed:\n${failing.join('\n')}` : 'Every scored audit passed on every page.'}

## First-visit transfer (gzip bytes of everything loaded before interaction)

${table(['Page', 'Ours', 'Starlight', 'Ours/Starlight'], tr)}

## Search cost

${table(['Figure', 'Ours', 'Starlight', 'Ours/Starlight'], searchRows)}
${r.search.shared ? `\nbench/search (${r.search.shared.module}): \`${JSON.stringify(r.search.shared.ours)}\`\n` : ''}
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
