#!/usr/bin/env node
/**
 * Serves the built site in dist/ the way a static host would: directory indexes, the 404 page
 * with a 404 status, the headers listed in dist/_headers, and correct types for Pagefind's files.
 * A request it cannot read (a malformed escape, `..`, a control character, an unknown method, an
 * oversized head) gets a 4xx answer; no request can stop the server.
 * Usage: npm run serve -- [--port 4321] [--root dist] [--quiet]  (Node 22.18 or later: it imports
 * src/lib/http.ts; `npm run` uses the project's own Node 24)
 * (--root serves another built site, e.g. the benchmark's Starlight build; --port 0 picks a free
 * port, which the first line of output names.)
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, STATUS_CODES } from 'node:http';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import { contentType, encodePath, parseHeadersFile, parseRequestPath } from '../src/lib/http.ts';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const portArg = option('--port') ?? process.env.PORT;
const port = portArg === undefined || portArg === '' ? 4321 : Number(portArg);
const quiet = args.includes('--quiet');
const rootArg = option('--root');
const root = rootArg ? resolve(rootArg) : resolve(import.meta.dirname, '..', 'dist');

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest\+json)|image\/svg\+xml)/;

/** Global headers from dist/_headers (only the `/*` block is needed here). */
async function loadHeaders() {
	const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
	return parseHeadersFile(text).get('/*') ?? {};
}

/** The file for a readable path, a redirect to add the trailing slash, or null (404). */
async function resolveFile({ segments, trailingSlash }) {
	let file = join(root, ...segments);
	const info = await stat(file).catch(() => null);
	if (info?.isDirectory()) {
		if (!trailingSlash && segments.length) return { redirect: encodePath(segments, true) };
		file = join(file, 'index.html');
	}
	const found = await stat(file).catch(() => null);
	return found?.isFile() ? { file } : null;
}

function answer(res, status, text, headers = {}) {
	res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
	res.end(`${status} ${STATUS_CODES[status]}: ${text}\n`);
}

async function handle(req, res) {
	for (const [k, v] of Object.entries(globalHeaders)) res.setHeader(k, v);
	if (req.method !== 'GET' && req.method !== 'HEAD')
		return answer(res, 405, `${req.method} is not served here; use GET or HEAD`, { Allow: 'GET, HEAD' });
	const path = parseRequestPath(req.url);
	if (!path.ok) return answer(res, path.status, path.reason);
	const hit = await resolveFile(path);
	if (hit?.redirect) {
		const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
		res.writeHead(301, { Location: hit.redirect + query });
		return res.end();
	}
	const file = hit?.file ?? join(root, '404.html');
	const type = contentType(file);
	// Compress text as static hosts do (Pagefind's own index files are already compressed).
	const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
	res.writeHead(hit ? 200 : 404, {
		'Content-Type': type,
		'Cache-Control': 'no-cache',
		Vary: 'Accept-Encoding',
		...(gzip && { 'Content-Encoding': 'gzip' }),
	});
	if (req.method === 'HEAD') return res.end();
	// The reader may have left while the file was looked up (a page navigating on).
	if (res.destroyed) return;
	// pipeline() closes every stream on an error (a reader who leaves mid-file, a file removed
	// since stat), where pipe() would leave an unhandled 'error' that ends the process.
	const streams = [createReadStream(file), ...(gzip ? [createGzip()] : []), res];
	pipeline(streams, (error) => {
		if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE' && !quiet) console.error(`${req.url}: ${error.message}`);
	});
}

const globalHeaders = await loadHeaders();
const server = createServer((req, res) => {
	handle(req, res).catch((error) => {
		// A bug here must cost one response, not the server.
		console.error(`${req.method} ${req.url}: ${error.stack ?? error}`);
		if (!res.headersSent) answer(res, 500, 'the server failed on this request');
		else res.destroy();
	});
});

// Requests Node's parser refuses (an unknown method, a bad header, a head over 16 KB) get a
// status line rather than a silently closed connection.
server.on('clientError', (error, socket) => {
	if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
	const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
	socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
});

server.listen(port, '127.0.0.1', () => {
	const url = `http://localhost:${server.address().port}/`;
	if (!quiet || port === 0) console.log(`Serving ${root} at ${url}  (Ctrl+C to stop)`);
});
