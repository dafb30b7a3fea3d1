#!/usr/bin/env node
/**
 * Serves the built site in dist/ the way a static host would: directory indexes, the 404 page
 * with a 404 status, the headers listed in dist/_headers, and correct types for Pagefind's files.
 * Usage: node scripts/serve.mjs [--port 4321] [--root dist] [--base /talks/] [--quiet]
 * (--root serves another built site, e.g. the benchmark's Starlight build; --base serves it under a
 * path, as a GitHub Pages project site is, for a site built with SITE_URL=…/talks/.)
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1]) || Number(process.env.PORT) || 4321;
const quiet = args.includes('--quiet');
const rootArg = args.includes('--root') ? args[args.indexOf('--root') + 1] : undefined;
const root = rootArg ? resolve(rootArg) : resolve(import.meta.dirname, '..', 'dist');
const base = args.includes('--base') ? args[args.indexOf('--base') + 1].replace(/^\/?/, '/').replace(/\/?$/, '/') : '/';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm',
	'.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest\+json)|image\/svg\+xml)/;

/** Global headers from dist/_headers (only the `/*` block is needed here). */
async function loadHeaders() {
	const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
	const headers = {};
	let inGlobal = false;
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) inGlobal = line.trim() === `${base}*`;
		else if (inGlobal) {
			const i = line.indexOf(':');
			headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
		}
	}
	return headers;
}

async function resolveFile(pathname) {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	let file = join(root, clean);
	if (!file.startsWith(root)) return null;
	const info = await stat(file).catch(() => null);
	if (info?.isDirectory()) {
		if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
		file = join(file, 'index.html');
	}
	const found = await stat(file).catch(() => null);
	return found?.isFile() ? { file } : null;
}

if (!(await stat(join(root, 'index.html')).catch(() => null))) {
	console.error(
		`serve: ${root} has no index.html. Build the site first (npm run build, or npm run build:subpath for dist-subpath).`,
	);
	process.exit(1);
}
const globalHeaders = await loadHeaders();
const server = createServer(async (req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	// Under a base path, only addresses below it are the site's; /talks goes to /talks/.
	const inSite = url.pathname.startsWith(base) ? `/${url.pathname.slice(base.length)}` : undefined;
	const hit =
		url.pathname === base.slice(0, -1) ? { redirect: '/' } : inSite === undefined ? null : await resolveFile(inSite);
	for (const [k, v] of Object.entries(globalHeaders)) res.setHeader(k, v);
	if (hit?.redirect) {
		res.writeHead(301, { Location: base + hit.redirect.slice(1) + url.search });
		res.end();
		return;
	}
	const file = hit?.file ?? join(root, '404.html');
	const type = TYPES[extname(file)] ?? 'application/octet-stream';
	// Compress text as static hosts do (Pagefind's own index files are already compressed).
	const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
	res.writeHead(hit ? 200 : 404, {
		'Content-Type': type,
		'Cache-Control': 'no-cache',
		Vary: 'Accept-Encoding',
		...(gzip && { 'Content-Encoding': 'gzip' }),
	});
	if (req.method === 'HEAD') return res.end();
	const body = createReadStream(file);
	(gzip ? body.pipe(createGzip()) : body).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
	if (!quiet) console.log(`Serving ${root} at http://localhost:${port}${base}  (Ctrl+C to stop)`);
});
