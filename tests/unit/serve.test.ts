/**
 * scripts/serve.mjs (behind `npm start` and the browser tests) as a separate process over raw
 * TCP: malformed requests get a 4xx answer, nothing outside the served folder leaks, and the
 * server still serves afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'serve-test-'));
const site = join(tmp, 'site');
let server: ChildProcess;
let port = 0;
let output = '';

beforeAll(async () => {
	mkdirSync(join(site, 'articles', 'a b'), { recursive: true });
	writeFileSync(join(tmp, 'secret.txt'), 'SECRET outside the site');
	writeFileSync(join(site, 'index.html'), '<!doctype html><title>home</title>HOME');
	writeFileSync(join(site, '404.html'), '<!doctype html><title>404</title>NOT FOUND');
	writeFileSync(join(site, 'articles', 'a b', 'index.html'), 'ARTICLE');
	writeFileSync(join(site, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n');
	server = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--root', site], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
	port = await new Promise<number>((done, fail) => {
		server.stdout?.on('data', (d: Buffer) => {
			output += d.toString();
			const m = /localhost:(\d+)\//.exec(output);
			if (m) done(Number(m[1]));
		});
		server.once('exit', (code) => fail(new Error(`serve.mjs exited (${code}) before listening:\n${output}`)));
	});
});

afterAll(() => {
	server.kill();
	rmSync(tmp, { recursive: true, force: true });
});

interface Raw {
	status: number;
	head: string;
	body: string;
}

/** Sends bytes as they are (no client normalises them) and reads the answer until the server closes. */
function raw(request: string | Buffer): Promise<Raw> {
	return new Promise((done, fail) => {
		const socket = connect(port, '127.0.0.1');
		const chunks: Buffer[] = [];
		socket.on('data', (d: Buffer) => chunks.push(d));
		// A server that refuses a huge request may close before reading all of it: the answer it
		// sent first still counts.
		socket.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') fail(error);
		});
		socket.on('close', () => {
			const text = Buffer.concat(chunks).toString('latin1');
			const [head = '', body = ''] = text.split('\r\n\r\n', 2);
			done({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0), head, body });
		});
		socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
		// Write without ending: a client that half-closes may be dropped before a slow answer.
		socket.write(request);
	});
}

const get = (target: string, headers = '') =>
	raw(`GET ${target} HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n`);

describe('scripts/serve.mjs', () => {
	it('serves pages, directory redirects, the 404 page and the _headers policy', async () => {
		const home = await get('/');
		expect(home.status).toBe(200);
		expect(home.body).toContain('HOME');
		expect(home.head).toMatch(/^x-content-type-options: nosniff$/im);
		const article = await get('/articles/a%20b/');
		expect(article.status).toBe(200);
		expect(article.body).toContain('ARTICLE');
		const redirect = await get('/articles/a%20b?x=1');
		expect(redirect.status).toBe(301);
		expect(redirect.head).toMatch(/^location: \/articles\/a%20b\/\?x=1$/im);
		const missing = await get('/no/such/page/');
		expect(missing.status).toBe(404);
		expect(missing.body).toContain('NOT FOUND');
	});

	const malformed: { what: string; line: string | Buffer; status: number }[] = (
		[
			['a truncated escape', 'GET /%E0%A4%A HTTP/1.1', 400],
			['an escape that is not hex', 'GET /%ZZ/ HTTP/1.1', 400],
			['an escape that is not UTF-8', 'GET /%C0%AF HTTP/1.1', 400],
			['.. in the path', 'GET /../secret.txt HTTP/1.1', 400],
			['escaped ..', 'GET /%2e%2e/secret.txt HTTP/1.1', 400],
			['.. behind an escaped slash', 'GET /articles/..%2f..%2fsecret.txt HTTP/1.1', 400],
			['a backslash', 'GET /%5c..%5csecret.txt HTTP/1.1', 400],
			['an escaped NUL', 'GET /index.html%00.txt HTTP/1.1', 400],
			['a raw NUL', Buffer.from('GET /index\0.html HTTP/1.1', 'latin1'), 400],
			['a path not starting with /', 'GET index.html HTTP/1.1', 400],
			['a protocol-relative path', 'GET //example.org/ HTTP/1.1', 400],
			['an overlong path', `GET /${'a'.repeat(5000)} HTTP/1.1`, 414],
			['a path longer than the whole head may be', `GET /${'a'.repeat(70_000)} HTTP/1.1`, 431],
			['a method it does not serve', 'DELETE / HTTP/1.1', 405],
			['a body it does not accept', 'POST / HTTP/1.1', 405],
			['a method that does not exist', 'BREW / HTTP/1.1', 400],
			['an absurdly long header', `GET / HTTP/1.1\r\nX-Junk: ${'x'.repeat(70_000)}`, 431],
			['a header with a NUL in it', 'GET / HTTP/1.1\r\nX-Junk: a\0b', 400],
			['a header without a name', 'GET / HTTP/1.1\r\n: nothing', 400],
			['not HTTP at all', Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]), 400],
		] as const
	).map(([what, line, status]) => ({ what, line, status }));

	it.each(malformed)('answers $what with $status', async ({ line, status }) => {
		const request = Buffer.isBuffer(line)
			? Buffer.concat([line, Buffer.from('\r\nHost: localhost\r\nConnection: close\r\n\r\n')])
			: `${line}\r\nHost: localhost\r\nConnection: close\r\n\r\n`;
		const answer = await raw(request);
		expect(answer.status, answer.head).toBe(status);
		expect(answer.body).not.toContain('SECRET');
	});

	it('says Allow: GET, HEAD when it refuses a method', async () => {
		const answer = await raw('PUT / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
		expect(answer.head).toMatch(/^allow: GET, HEAD$/im);
	});

	it('survives a reader who leaves mid-request, and many at once', async () => {
		await new Promise<void>((done) => {
			const socket = connect(port, '127.0.0.1', () => {
				socket.write('GET /%E0%A4%A HTTP/1.1\r\nHost: loc');
				socket.destroy();
				done();
			});
		});
		const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => get(i % 2 ? '/%E0%A4%A' : '/')));
		expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 50 }, (_, i) => (i % 2 ? 400 : 200)));
	});

	it('lets readers leave before their answer without an error', async () => {
		await Promise.all(
			Array.from(
				{ length: 30 },
				() =>
					new Promise<void>((done) => {
						const socket = connect(port, '127.0.0.1', () => {
							socket.write('GET /articles/a%20b/ HTTP/1.1\r\nHost: localhost\r\n\r\n', () => {
								socket.destroy();
								done();
							});
						});
					}),
			),
		);
		expect((await get('/')).status).toBe(200);
		expect(output).not.toMatch(/Error|ERR_/);
	});

	it('still serves after all of that, and never exited', async () => {
		const home = await get('/', 'Accept-Encoding: gzip\r\n');
		expect(home.status).toBe(200);
		expect(home.head).toMatch(/^content-encoding: gzip$/im);
		expect(server.exitCode, output).toBeNull();
		expect(server.signalCode).toBeNull();
	});
});
