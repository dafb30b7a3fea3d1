/**
 * Pagefind's own search engine (dist/pagefind/pagefind.js and its WebAssembly), run in Node over
 * the built index, with the options the site's search uses. Its requests for index files are
 * answered from dist/, so a test searches exactly what readers search.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadSpellings } from '../../src/integrations/pagefind';
import { PAGEFIND_OPTIONS, type PagefindApi } from '../../src/lib/search-engine';

interface PagefindModule extends PagefindApi {
	options(options: Record<string, unknown>): Promise<void>;
	/** Every filter value in the index, with how many pages and records have it. */
	filters(): Promise<Record<string, Record<string, number>>>;
}

export async function loadPagefind(dist = 'dist'): Promise<PagefindModule> {
	const root = resolve(dist);
	const bundle = join(root, 'pagefind', 'pagefind.js');
	if (!existsSync(bundle)) throw new Error(`${bundle} does not exist: run \`npm run build\` first`);
	const realFetch = globalThis.fetch;
	// Pagefind fetches its files by URL; serve them from dist/ (its base is the bundle's file: URL).
	globalThis.fetch = async (input: string | URL | Request) => {
		const url = String(input instanceof Request ? input.url : input).replace(/\?.*$/, '');
		if (url.startsWith('file:')) return new Response(await readFile(fileURLToPath(url)));
		if (url.startsWith('/')) return new Response(await readFile(join(root, url)));
		return realFetch(input);
	};
	const pagefind = (await import(pathToFileURL(bundle).href)) as PagefindModule;
	await pagefind.options({ ...PAGEFIND_OPTIONS, baseUrl: '/' });
	return pagefind;
}

/** The spelling groups the browser's search code is built with. */
export const loadSpellingGroups = (): Promise<string[][]> => loadSpellings(pathToFileURL(`${resolve('.')}/`));

/** The site's vocabulary for suggestions, as the browser loads it. */
export async function loadVocabulary(dist = 'dist'): Promise<string[]> {
	return JSON.parse(await readFile(join(resolve(dist), 'pagefind', 'vocabulary.json'), 'utf8')) as string[];
}
