/**
 * Fails the build when a built page links to a page, file or `#fragment` that does not exist,
 * or links out unsafely. Runs at the end of every `astro build`, over every HTML page and the
 * sitemap, so pages and content types added later are covered without touching this file.
 * Each problem names the source file that contains the link when one does (MDX, YAML, a
 * component), else the built page.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pageFacts, type PageLink } from '../lib/html-facts';
import { checkPageLinks, sitePathOfFile, type LinkProblem, type SitePages } from '../lib/links';
import { ContentError, type Problem } from '../lib/problems';
import { listFiles } from './dist';

const SOURCE_FILE = /\.(mdx?|ya?ml|json|astro|ts|html)$/;

/** Links in sitemap XML files, as if they were `<a>` elements on the sitemap's own path. */
function sitemapLinks(xml: string): PageLink[] {
	return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => ({ tag: 'loc', attr: 'loc', url: m[1] ?? '', rel: [] }));
}

/** Where in the source a link was written: files (and lines) containing the URL verbatim. */
function findInSources(root: string, srcDir: string, url: string): { file: string; line: number }[] {
	const hits: { file: string; line: number }[] = [];
	for (const file of listFiles(srcDir)) {
		if (!SOURCE_FILE.test(file)) continue;
		const lines = readFileSync(join(srcDir, file), 'utf8').split('\n');
		lines.forEach((text, i) => {
			if (text.includes(url)) hits.push({ file: relative(root, join(srcDir, file)), line: i + 1 });
		});
	}
	return hits;
}

export function toProblems(found: readonly LinkProblem[], root: string, srcDir: string, dist: string): Problem[] {
	return found.flatMap((p) => {
		const element = p.link.tag === 'loc' ? 'sitemap <loc>' : `<${p.link.tag} ${p.link.attr}="${p.link.url}">`;
		const sources = findInSources(root, srcDir, p.link.url);
		if (sources.length) {
			const message = `${p.message} (${element} on ${p.page})`;
			return sources.map(({ file, line }) => ({ file, field: `line ${line}`, message, fix: p.fix }));
		}
		const built = p.page.endsWith('/') ? `${p.page}index.html` : p.page;
		return [{ file: relative(root, join(dist, built)), field: element, message: p.message, fix: p.fix }];
	});
}

/** Checks every page of the site built in `dist`. */
export function checkSiteLinks(dist: string, origin: string | undefined, base = '/'): LinkProblem[] {
	const files = listFiles(dist);
	const html = files.filter((f) => f.endsWith('.html'));
	const facts = new Map(html.map((f) => [sitePathOfFile(f), pageFacts(readFileSync(join(dist, f), 'utf8'))]));
	const site: SitePages = {
		pages: new Map([...facts].map(([path, f]) => [path, f.ids])),
		files: new Set(files.filter((f) => !f.endsWith('.html')).map(sitePathOfFile)),
	};
	const problems = [...facts].flatMap(([path, f]) => checkPageLinks(path, f.links, site, origin, base));
	for (const file of files.filter((f) => /^sitemap.*\.xml$/.test(f))) {
		const links = sitemapLinks(readFileSync(join(dist, file), 'utf8'));
		problems.push(...checkPageLinks(`/${file}`, links, site, origin, base));
	}
	return problems;
}

export function linkCheck(): AstroIntegration {
	let root = '';
	let srcDir = '';
	let origin: string | undefined;
	let base = '/';
	return {
		name: 'site:link-check',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				srcDir = fileURLToPath(config.srcDir);
				origin = config.site;
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				const found = checkSiteLinks(dist, origin, base);
				if (found.length) throw new ContentError(toProblems(found, root, srcDir, dist), 'broken or unsafe link');
				logger.info('Every internal link and fragment resolves; every external link is https.');
			},
		},
	};
}
