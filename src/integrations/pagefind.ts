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
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { parseHTML } from 'linkedom';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { contentType, parseRequestPath } from '../lib/http';
import { parse } from 'yaml';
import { filterControlHtml, filterRows, filterTotals, type FilterLabels } from '../lib/search-filters';
import type { FilterCounts } from '../lib/search-engine';
import {
	ALL_BLOCKS,
	FILTER_KEYS,
	type FilterKey,
	blockSeparator,
	customRecord,
	RECORD_ATTRIBUTE,
	UNSEPARATED_BLOCKS,
	type CustomRecord,
} from '../lib/search';
import { spellingGroups, type NamedEntry } from '../lib/search-spellings';
import { buildVocabulary, type VocabularySource } from '../lib/search-suggest';
import { VOCABULARY_FILE } from '../lib/client/search/constants';

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** `dist/timeline/index.html` → `/timeline/`, as the site serves it. */
export const pageUrl = (root: string, file: string): string =>
	`/${relative(root, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');

/** Word positions per index chunk (see the build hook). */
export const INDEX_CHUNK_SIZE = 2000;

/** Elements Pagefind leaves out of a page's text (its own rules, and the ignore attribute). */
const UNINDEXED = '[data-pagefind-ignore], script, style, svg, template, noscript, nav, footer, form, label, iframe';

/** Ends each block in `root` with a separator, so its text doesn't run into the next block's. */
function separateBlocks(root: Element, tags: readonly string[]): void {
	// Innermost first, so an outer block sees the separators of the blocks it ends with.
	for (const block of [...root.querySelectorAll(tags.join(', '))].reverse()) {
		const separator = blockSeparator(block.tagName, block.textContent ?? '');
		if (separator) block.append(separator);
	}
}

/**
 * Pagefind stores the full text of every element with an id in the page's fragment, which every
 * result downloads, though only headings and elements with a `data-pagefind-title` become
 * sub-results. In the copy it indexes, a titled element's anchor moves to an empty marker at its
 * start (same place, same sub-result, no copy of its text), and other ids are dropped. This
 * halves the fragments of articles and explainers.
 */
function slimAnchors(body: Element): void {
	for (const element of body.querySelectorAll('[id]')) {
		if (/^H[1-6]$/.test(element.tagName)) continue;
		const title = element.getAttribute('data-pagefind-title');
		if (title !== null) {
			const marker = element.ownerDocument.createElement('span');
			marker.id = element.id;
			marker.setAttribute('data-pagefind-title', title);
			element.removeAttribute('data-pagefind-title');
			element.prepend(marker);
		}
		element.removeAttribute('id');
	}
}

/** Text of an element as a reader sees it: each block its own sentence ("Statements. Lavrov sees …"). */
function readableText(element: Element): string {
	const clone = element.cloneNode(true) as Element;
	for (const skip of clone.querySelectorAll(UNINDEXED)) skip.remove();
	separateBlocks(clone, ALL_BLOCKS);
	return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The filters marked in a page's search body, `key:value` one per element (see pagefindMarkers). */
function filtersIn(body: Element): Record<string, string[]> {
	const filters: Record<string, string[]> = {};
	for (const marker of body.querySelectorAll('[data-pagefind-filter]')) {
		const [key = '', ...rest] = (marker.getAttribute('data-pagefind-filter') ?? '').split(':');
		(filters[key] ??= []).push(rest.join(':'));
	}
	return filters;
}

/** A page as it goes to Pagefind, and the records marked in it. */
export interface PreparedPage {
	/** The page's HTML as Pagefind should read it; null if it has no search body. */
	html: string | null;
	records: CustomRecord[];
	/** What the page and its records put in the index, for the vocabulary of suggestions. */
	texts: VocabularySource[];
	/** The filters of the page (if indexed) and of each record, for the search page's counts. */
	filters: Record<string, string[]>[];
}

/**
 * Gets one built page ready for the index: its records (see `searchRecordAttributes` in
 * src/lib/search.ts) taken out to be indexed on their own, separators after the blocks Pagefind
 * would run together, and slimmer anchors. The page file itself is not changed.
 */
export function preparePage(html: string, page: string): PreparedPage {
	if (!html.includes('data-pagefind-body') && !html.includes(RECORD_ATTRIBUTE))
		return { html: null, records: [], texts: [], filters: [] };
	const { document } = parseHTML(html);
	const texts: VocabularySource[] = [];
	const records = [...document.querySelectorAll(`[${RECORD_ATTRIBUTE}]`)].map((element) => {
		const text = readableText(element);
		const record = customRecord({
			page,
			id: element.getAttribute('id'),
			json: element.getAttribute(RECORD_ATTRIBUTE) ?? '',
			text,
		});
		texts.push({ text, title: record.meta.title });
		// Indexed on its own: out of the page's text.
		element.remove();
		return record;
	});
	const body = document.querySelector('[data-pagefind-body]');
	const filters = records.map((record) => record.filters);
	if (body) {
		filters.push(filtersIn(body));
		texts.push({ text: readableText(body), title: document.querySelector('h1')?.textContent ?? undefined });
		separateBlocks(body, UNSEPARATED_BLOCKS);
		slimAnchors(body);
	}
	return { html: body ? `<!doctype html>${document.documentElement.outerHTML}` : null, records, texts, filters };
}

/** The records marked in one page's HTML (see `searchRecordAttributes` in src/lib/search.ts). */
export const recordsInHtml = (html: string, page: string): CustomRecord[] =>
	html.includes(RECORD_ATTRIBUTE) ? preparePage(html, page).records : [];

/** The people glossary, already validated by the content layer when this runs. */
export const PEOPLE_FILE = 'src/content/people.yaml';

/** Spelling groups from the people glossary and the fixed list (src/lib/search-spellings.ts). */
export async function loadSpellings(root: URL): Promise<string[][]> {
	const people = parse(await readFile(new URL(PEOPLE_FILE, root), 'utf8')) as NamedEntry[];
	return spellingGroups(people);
}

/** The module the browser's search code imports its spelling groups from. */
const SPELLINGS_MODULE = 'virtual:site/search-spellings';

/**
 * A Vite plugin that serves the spelling groups to the search code as a module, so they arrive
 * inside the script that uses them (a few hundred bytes) instead of as another request.
 */
function spellingsModule(root: URL) {
	const resolved = `\0${SPELLINGS_MODULE}`;
	return {
		name: 'site:search-spellings',
		resolveId: (id: string) => (id === SPELLINGS_MODULE ? resolved : undefined),
		async load(this: { addWatchFile(file: string): void }, id: string) {
			if (id !== resolved) return undefined;
			this.addWatchFile(fileURLToPath(new URL(PEOPLE_FILE, root)));
			return `export default ${JSON.stringify(await loadSpellings(root))};`;
		},
	};
}

/** Indexes every page and record of the built site; returns how many of each. */
async function indexSite(index: PagefindIndex, root: string, spellings: string[][]) {
	let pages = 0;
	let records = 0;
	const texts: VocabularySource[] = [];
	const filters: Record<string, string[]>[] = [];
	for (const file of await htmlFiles(root)) {
		const url = pageUrl(root, file);
		const prepared = preparePage(await readFile(file, 'utf8'), url);
		if (prepared.html === null) continue;
		texts.push(...prepared.texts);
		filters.push(...prepared.filters);
		const added = await index.addHTMLFile({ url, content: prepared.html });
		if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
		pages++;
		for (const record of prepared.records) {
			const added = await index.addCustomRecord(record);
			if (added.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
			records++;
		}
	}
	return { pages, records, vocabulary: buildVocabulary(texts, spellings.flat()), totals: filterTotals(filters) };
}

/** The search page, as the build writes it. */
const SEARCH_PAGE = 'search/index.html';

/**
 * Writes the filter controls into the search page with the index's counts (`totals`), so the page
 * shows its filters before any script runs and loads search only when a reader reaches it. The
 * controls are the page's script's own rows (src/lib/search-filters.ts), with nothing chosen; names
 * for ids come from the page's `#search-labels`. Returns the new HTML; throws, naming what is
 * missing, if the page has changed shape.
 */
export function writeFilterControls(html: string, totals: FilterCounts): string {
	const where = `${SEARCH_PAGE} (src/pages/search.astro)`;
	const json = /<script type="application\/json" id="search-labels">([^<]*)<\/script>/.exec(html)?.[1];
	if (json === undefined) throw new Error(`${where} has no <script id="search-labels">, which names the filter values`);
	const labels = JSON.parse(json) as FilterLabels;
	const fill = (html: string, key: FilterKey, pattern: RegExp): string => {
		const matches = html.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
		if (matches !== 1) {
			throw new Error(
				`${where} must have one empty control for the ${key} filter (${pattern.source}); found ${matches}`,
			);
		}
		return html.replace(
			pattern,
			(_, open: string, close: string) =>
				`${open}${filterControlHtml(key, filterRows(key, { totals, labels }))}${close}`,
		);
	};
	let out = fill(html, 'type', /(<div[^>]*\bdata-options="type"[^>]*>)\s*(<\/div>)/);
	for (const key of FILTER_KEYS.filter((k) => k !== 'type')) {
		out = fill(
			out,
			key,
			new RegExp(`(<select[^>]*\\bdata-filter="${key}"[^>]*>)(?:<option[^>]*>[^<]*</option>)?(</select>)`),
		);
	}
	return out;
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
	let root: URL | undefined;
	return {
		name: 'site:pagefind',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				updateConfig({ vite: { plugins: [spellingsModule(config.root)] } });
			},
			'astro:config:done': ({ config }) => {
				outDir = config.outDir;
				root = config.root;
			},
			'astro:server:setup': ({ server, logger }) => {
				if (!outDir) return;
				server.middlewares.use('/pagefind', servePagefind(fileURLToPath(new URL('pagefind/', outDir)), logger));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				// Smaller index chunks, so a query downloads only the few words it needs (the default, 20,000
				// word positions a chunk, puts most of this site's index in one 28 KB file). Pagefind 1.6
				// reads this from the environment of the service it spawns; “unstable” is its name for it.
				process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
				try {
					const { index, errors } = await createIndex({
						forceLanguage: 'en',
						// Records are indexed on their own (below), not as part of the page they sit on.
						excludeSelectors: [`[${RECORD_ATTRIBUTE}]`],
					});
					if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
					const { pages, records, vocabulary, totals } = await indexSite(index, site, await loadSpellings(root!));
					const written = await index.writeFiles({ outputPath: `${site}pagefind` });
					if (written.errors.length)
						throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
					// Beside the index, so it is always the same build's: “Did you mean …” loads it on demand.
					await writeFile(`${site}pagefind/${VOCABULARY_FILE}`, JSON.stringify(vocabulary));
					const searchPage = `${site}${SEARCH_PAGE}`;
					await writeFile(searchPage, writeFilterControls(await readFile(searchPage, 'utf8'), totals));
					logger.info(
						`Search index: ${pages} pages, ${records} in-page records, a vocabulary of ${vocabulary.length} words.`,
					);
				} finally {
					await close();
				}
			},
		},
	};
}
