#!/usr/bin/env node
/**
 * npm run bench:scale -- 0 500 5000: build time at 5 + N articles, one build per count, each in a
 * fresh temporary copy of the project (see lib/scale.mjs). Prints one JSON line per build and a
 * table; with --out FILE, also writes the results there. Timings on a shared machine are noisy:
 * run it twice and compare medians, never a single pair of runs.
 */
import { writeFileSync } from 'node:fs';
import { buildAtScale } from './lib/scale.mjs';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt === -1 ? undefined : args[outAt + 1];
const counts = args.filter((_, i) => outAt === -1 || (i !== outAt && i !== outAt + 1)).map(Number);
if (!counts.length || counts.some((n) => !Number.isInteger(n) || n < 0))
	throw new Error('usage: node bench/scale.mjs <synthetic articles>… [--out file.json], e.g. 0 500 5000');

const results = [];
for (const count of counts) {
	const scaled = await buildAtScale(count);
	const { articles, pages, buildSeconds, secondsPerPage, indexBytes, parses } = scaled;
	const row = { articles, pages, buildSeconds, secondsPerPage, indexBytes, parses };
	console.log(JSON.stringify(row));
	results.push(row);
	scaled.cleanup();
}
console.table(results.map((row) => ({ ...row, parses: JSON.stringify(row.parses) })));
if (out) writeFileSync(out, `${JSON.stringify(results, null, '\t')}\n`);
