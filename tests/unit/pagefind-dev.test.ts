/** The dev server's view of the last built index (src/integrations/pagefind.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePagefind } from '../../src/integrations/pagefind';

const root = mkdtempSync(join(tmpdir(), 'pagefind-dev-'));
const index = join(root, 'dist', 'pagefind');
const warnings: string[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
	mkdirSync(join(index, 'fragment'), { recursive: true });
	writeFileSync(join(root, 'dist', 'secret.txt'), 'not for the browser');
	const handle = servePagefind(index, { warn: (m: string) => warnings.push(m) });
	server = createServer((req, res) =>
		handle(req, res, () => {
			res.writeHead(418);
			res.end('next');
		}),
	);
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
	server.close();
	rmSync(root, { recursive: true, force: true });
});

describe('servePagefind', () => {
	it('says, once, that there is no index before the first build', async () => {
		const first = await fetch(`${base}/pagefind.js`);
		expect(first.status).toBe(404);
		expect(await first.text()).toMatch(/run `npm run build`/);
		await fetch(`${base}/pagefind.js`);
		expect(warnings).toHaveLength(1);
	});

	it('serves the built files with their types', async () => {
		writeFileSync(join(index, 'pagefind-entry.json'), '{"version":"1.6.0"}');
		writeFileSync(join(index, 'pagefind.js'), 'export {};');
		writeFileSync(join(index, 'fragment', 'en_1.pf_fragment'), Buffer.from([31, 139, 8]));
		const js = await fetch(`${base}/pagefind.js`);
		expect(js.status).toBe(200);
		expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
		expect(await js.text()).toBe('export {};');
		const fragment = await fetch(`${base}/fragment/en_1.pf_fragment`);
		expect(fragment.headers.get('content-type')).toBe('application/octet-stream');
		expect(new Uint8Array(await fragment.arrayBuffer())).toEqual(new Uint8Array([31, 139, 8]));
		const missing = await fetch(`${base}/fragment/en_2.pf_fragment`);
		expect(missing.status).toBe(404);
		expect(warnings).toHaveLength(1);
	});

	it('never serves anything outside the index', async () => {
		for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
			const response = await fetch(`${base}${path}`);
			expect(await response.text(), path).not.toContain('not for the browser');
		}
	});

	it('answers a malformed escape with 400 and keeps serving', async () => {
		const bad = await fetch(`${base}/%E0%A4%A`);
		expect(bad.status).toBe(400);
		expect(await bad.text()).toMatch(/malformed percent-escape/);
		expect((await fetch(`${base}/pagefind.js`)).status).toBe(200);
	});
});
