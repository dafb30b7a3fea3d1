/**
 * Site search, built with Pagefind's Node API:
 * - at the end of every `astro build`, indexes dist/ into dist/pagefind (an indexing error stops
 *   the build). Pages are indexed from `<main data-pagefind-body>`; elements marked with
 *   `searchRecordAttributes()` (src/lib/search.ts) are left out of their page and indexed as
 *   records of their own at `<page>#<id>`, so each timeline event is a result that lands on itself;
 * - in `astro dev`, serves the last built index at /pagefind/, so search works while writing
 *   (run `npm run build` once first). Nothing is copied into public/.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { parseHTML } from 'linkedom';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { contentType, parseRequestPath } from '../lib/http';
import { customRecord, RECORD_ATTRIBUTE, type CustomRecord } from '../lib/search';

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** `dist/timeline/index.html` → `/timeline/`, as the site serves it. */
export const pageUrl = (root: string, file: string): string =>
	`/${relative(root, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, dt, dd, div, section, article, header, footer, blockquote, figcaption';

/** Text of an element as a reader sees it: blocks end with a space, so "Statements" and the next heading don't run together. */
function readableText(element: Element): string {
	for (const block of element.querySelectorAll(BLOCKS)) block.append(' ');
	return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The records marked in one page's HTML (see `searchRecordAttributes` in src/lib/search.ts). */
export function recordsInHtml(html: string, page: string): CustomRecord[] {
	if (!html.includes(RECORD_ATTRIBUTE)) return [];
	const { document } = parseHTML(html);
	return [...document.querySelectorAll(`[${RECORD_ATTRIBUTE}]`)].map((element) => {
		const clone = element.cloneNode(true) as Element;
		for (const skip of clone.querySelectorAll('[data-pagefind-ignore], script, style, svg, template')) skip.remove();
		return customRecord({
			page,
			id: element.getAttribute('id'),
			json: element.getAttribute(RECORD_ATTRIBUTE) ?? '',
			text: readableText(clone),
		});
	});
}

/** Indexes every record in the built site; returns how many. */
async function addRecords(index: PagefindIndex, root: string): Promise<number> {
	let count = 0;
	for (const file of await htmlFiles(root)) {
		for (const record of recordsInHtml(await readFile(file, 'utf8'), pageUrl(root, file))) {
			const added = await index.addCustomRecord(record);
			if (added.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
			count++;
		}
	}
	return count;
}

/**
 * A small static handler for dist/pagefind, for the dev server: the last built index, as it was.
 * Says once, in the terminal and in the response, when there is no index to serve yet.
 */
export function servePagefind(dir: string, logger: Pick<AstroIntegrationLogger, 'warn'>) {
	const root = resolve(dir);
	let warned = false;
	const serve = async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
		const path = parseRequestPath(req.url);
		if (!path.ok) {
			res.writeHead(path.status, { 'Content-Type': 'text/plain; charset=utf-8' });
			res.end(`Bad request: ${path.reason}.`);
			return;
		}
		const file = join(root, ...path.segments);
		if (!file.startsWith(`${root}${sep}`)) return next();
		const info = await stat(file).catch(() => null);
		if (!info?.isFile()) {
			const built = await stat(join(root, 'pagefind-entry.json')).catch(() => null);
			if (!built && !warned) {
				logger.warn('No search index in dist/pagefind yet: run `npm run build` once and search will work in dev.');
				warned = true;
			}
			res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
			res.end(built ? 'Not in the search index.' : 'No search index yet: run `npm run build`.');
			return;
		}
		res.writeHead(200, {
			'Content-Type': contentType(file),
			'Content-Length': info.size,
			'Cache-Control': 'no-cache',
		});
		createReadStream(file)
			.on('error', () => res.destroy())
			.pipe(res);
	};
	return (req: IncomingMessage, res: ServerResponse, next: () => void) => void serve(req, res, next);
}

export function pagefind(): AstroIntegration {
	let outDir: URL | undefined;
	return {
		name: 'site:pagefind',
		hooks: {
			'astro:config:done': ({ config }) => {
				outDir = config.outDir;
			},
			'astro:server:setup': ({ server, logger }) => {
				if (!outDir) return;
				server.middlewares.use('/pagefind', servePagefind(fileURLToPath(new URL('pagefind/', outDir)), logger));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				try {
					const { index, errors } = await createIndex({
						forceLanguage: 'en',
						// Records are indexed on their own (below), not as part of the page they sit on.
						excludeSelectors: [`[${RECORD_ATTRIBUTE}]`],
					});
					if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
					const added = await index.addDirectory({ path: site });
					if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
					const records = await addRecords(index, site);
					const written = await index.writeFiles({ outputPath: `${site}pagefind` });
					if (written.errors.length)
						throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
					logger.info(`Search index: read ${added.page_count} HTML files, added ${records} in-page records.`);
				} finally {
					await close();
				}
			},
		},
	};
}
