/** Shared by the benchmark: a static server per built site, Chromium, gzip sizes, timing. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/find-chromium.mjs';

export const PROJECT = resolve(import.meta.dirname, '../..');

/** Chromium for Lighthouse and Playwright: $CHROME_PATH, else the one the tests use. */
export async function chromePath() {
	const path = process.env.CHROME_PATH || (await findChromium());
	if (!path || !existsSync(path)) throw new Error('No Chromium: set CHROME_PATH (e.g. /usr/bin/chromium)');
	return path;
}

/** The flags every benchmark browser runs with (headless, quiet, no background traffic). */
export const BROWSER_FLAGS = ['--headless=new', '--no-sandbox', ...CHROMIUM_FLAGS];

export const gzipBytes = (buffer) => gzipSync(buffer).length;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Serves a built site with scripts/serve.mjs in its own process, on a free port (so the benchmark
 * never collides with another server on this machine); resolves once it answers.
 */
export async function serve(root) {
	const child = spawn(process.execPath, [join(PROJECT, 'scripts/serve.mjs'), '--port', '0', '--root', root], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const url = await new Promise((done, fail) => {
		let out = '';
		const timer = setTimeout(() => fail(new Error(`server for ${root} did not start within 30 s`)), 30_000);
		child.stdout.on('data', (d) => {
			out += d;
			const m = /at (http:\/\/localhost:\d+)\//.exec(out);
			if (m) {
				clearTimeout(timer);
				done(m[1]);
			}
		});
		child.once('exit', (code) => fail(new Error(`server for ${root} exited (${code}) before listening`)));
	});
	await fetch(`${url}/`);
	return { url, stop: () => child.kill() };
}

/** A TCP port that is free now, for a process that needs one named in advance (Chromium's DevTools). */
export function freePort() {
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => done(port));
		});
	});
}

/** Runs a command, resolving with its exit code, output and wall time in seconds. */
export function run(command, args, options = {}) {
	return new Promise((done, fail) => {
		const started = performance.now();
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('error', fail);
		child.on('close', (code) => done({ code, output, seconds: (performance.now() - started) / 1000 }));
	});
}

/** Total size in bytes of the files under `dir` whose path matches `keep`. */
export function dirBytes(dir, keep = () => true) {
	let total = 0;
	const walk = (at) => {
		for (const entry of readdirSync(at, { withFileTypes: true })) {
			const full = join(at, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (keep(full)) total += statSync(full).size;
		}
	};
	if (existsSync(dir)) walk(dir);
	return total;
}

/** Every file under `dir`, relative to it. */
export function listFiles(dir) {
	const out = [];
	const walk = (at, rel) => {
		for (const entry of readdirSync(at, { withFileTypes: true })) {
			if (entry.isDirectory()) walk(join(at, entry.name), `${rel}${entry.name}/`);
			else out.push(`${rel}${entry.name}`);
		}
	};
	walk(dir, '');
	return out;
}
