#!/usr/bin/env node
/**
 * Runs npm scripts at the same time and fails if any fails: `node scripts/parallel.mjs check lint`.
 * `npm test` uses it for steps that do not depend on each other and mostly keep one core busy
 * each (the type check, ESLint, a build), so the two cores of the machines it runs on both work.
 * Each line of output is prefixed with its script's name; a summary names the ones that failed.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const scripts = process.argv.slice(2);
if (!scripts.length) {
	console.error('usage: node scripts/parallel.mjs <npm script> [<npm script> …]');
	process.exit(2);
}
const width = Math.max(...scripts.map((s) => s.length));
const npm = process.env.npm_execpath;

const runs = scripts.map(
	(name) =>
		new Promise((done) => {
			const started = performance.now();
			const child = npm
				? spawn(process.execPath, [npm, 'run', name], { stdio: ['ignore', 'pipe', 'pipe'] })
				: spawn('npm', ['run', name], { stdio: ['ignore', 'pipe', 'pipe'] });
			const prefix = `[${name.padEnd(width)}] `;
			for (const stream of [child.stdout, child.stderr])
				createInterface({ input: stream }).on('line', (line) => console.log(prefix + line));
			child.on('close', (code, signal) =>
				done({ name, code: code ?? 1, signal, seconds: (performance.now() - started) / 1000 }),
			);
		}),
);

const results = await Promise.all(runs);
for (const r of results)
	console.log(
		`[${r.name.padEnd(width)}] ${r.code === 0 ? 'passed' : `FAILED (exit ${r.signal ?? r.code})`} in ${r.seconds.toFixed(0)} s`,
	);
const failed = results.filter((r) => r.code !== 0);
if (failed.length) {
	console.error(
		`\n${failed.map((r) => r.name).join(', ')} failed: see the lines prefixed with ${failed.length === 1 ? 'its name' : 'their names'} above.`,
	);
	process.exit(1);
}
