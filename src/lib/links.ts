/**
 * Link checking over a built site: every internal URL must reach a page or file, every
 * `#fragment` an id on that page, and every external link must be https and, when it opens a
 * new tab, must not hand the new page a handle on ours. Pure: the caller supplies the pages.
 */
import type { PageLink } from './html-facts';
import { withBase, withoutBase } from './site-url';

export interface SitePages {
	/** Ids on each HTML page, by site path: `/`, `/articles/x/`, `/404.html`. */
	pages: ReadonlyMap<string, ReadonlySet<string>>;
	/** Site paths of every other file: `/rss.xml`, `/_astro/x.css`. */
	files: ReadonlySet<string>;
}

export interface LinkProblem {
	/** Site path of the page the link is on. */
	page: string;
	link: PageLink;
	message: string;
	fix: string;
}

/** `dist/articles/x/index.html` → `/articles/x/`; `404.html` → `/404.html`. Paths relative to dist. */
export function sitePathOfFile(relativeFile: string): string {
	const path = `/${relativeFile.split(/[\\/]/).join('/')}`;
	return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

const BASE = 'http://site.invalid';
const SAFE_SCHEMES = new Set(['https:', 'mailto:', 'tel:']);

/** Levenshtein distance, to suggest the page an author probably meant. */
function distance(a: string, b: string): number {
	let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++)
			row[j] = Math.min(
				(prev[j] ?? 0) + 1,
				(row[j - 1] ?? 0) + 1,
				(prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
		prev = row;
	}
	return prev[b.length] ?? 0;
}

export function closest(target: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestScore = Infinity;
	for (const c of candidates) {
		const d = distance(target, c);
		if (d < bestScore) [best, bestScore] = [c, d];
	}
	return best !== undefined && bestScore <= Math.max(3, target.length / 3) ? best : undefined;
}

/**
 * Checks the links of one page. `site` is the public origin (links to it count as internal,
 * e.g. canonical URLs), `base` the path the site is deployed under (`/talks/`): an internal link
 * must stay under it. Pages and files are keyed by their path inside the site, without the base.
 * Returns nothing for a page whose links are all sound.
 */
export function checkPageLinks(
	page: string,
	links: readonly PageLink[],
	site: SitePages,
	origin: string | undefined,
	base = '/',
): LinkProblem[] {
	const problems: LinkProblem[] = [];
	const report = (link: PageLink, message: string, fix: string) => problems.push({ page, link, message, fix });
	const pageUrl = new URL(withBase(page, base), BASE);

	for (const link of links) {
		const raw = link.url.trim();
		const navigates = link.tag === 'a' || link.tag === 'area';
		if (link.target === '_blank' && !link.rel.includes('noopener') && !link.rel.includes('noreferrer')) {
			report(link, 'opens a new tab without rel="noopener"', 'add rel="noopener noreferrer", or drop target="_blank"');
		}
		if (raw === '') {
			report(link, `empty ${link.attr}`, 'give the link a destination, or remove it');
			continue;
		}
		let url: URL;
		try {
			url = new URL(raw, pageUrl);
		} catch {
			report(link, `"${raw}" is not a valid URL`, 'correct the address');
			continue;
		}
		const internal = url.origin === BASE || (origin !== undefined && url.origin === new URL(origin).origin);
		if (!internal) {
			if (url.protocol === 'data:' && !navigates) continue;
			if (!SAFE_SCHEMES.has(url.protocol)) {
				report(
					link,
					`"${raw}" uses ${url.protocol.replace(':', '')}, not https`,
					url.protocol === 'http:'
						? `use ${raw.replace(/^http:/, 'https:')} if the site supports it, or find an https source`
						: 'link only to https addresses (or mailto:/tel:)',
				);
			}
			continue;
		}

		let path: string;
		try {
			path = decodeURIComponent(url.pathname);
		} catch {
			report(link, `"${raw}" has a malformed %-escape`, 'correct the address');
			continue;
		}
		const inSite = withoutBase(path, base);
		if (inSite === undefined) {
			report(
				link,
				`"${raw}" is outside the site's base path ${base}, where the site is deployed`,
				'write the link root-relative (/timeline/) in the source: the build adds the base; in client code use import.meta.env.BASE_URL',
			);
			continue;
		}
		path = inSite;
		if (path.endsWith('/index.html')) path = path.slice(0, -'index.html'.length);
		const ids = site.pages.get(path);
		if (!ids && !site.files.has(path)) {
			if (site.pages.has(`${path}/`)) {
				report(link, `"${raw}" lacks the trailing slash that page addresses end with`, `write ${path}/`);
			} else {
				const guess = closest(path, [...site.pages.keys(), ...site.files]);
				report(
					link,
					`"${raw}" goes nowhere: there is no page or file at ${path}`,
					guess ? `point it at an existing page; did you mean ${guess}?` : 'point it at an existing page, or remove it',
				);
			}
			continue;
		}
		if (!navigates || !ids || !url.hash) {
			if (navigates && raw.endsWith('#'))
				report(link, `"${raw}" has an empty fragment`, 'name an id after the #, or drop the #');
			continue;
		}
		if (url.hash.startsWith('#:~:')) continue; // a text fragment: nothing to check
		const fragment = decodeURIComponent(url.hash.slice(1));
		if (!ids.has(fragment)) {
			const guess = closest(fragment, ids);
			report(
				link,
				`"${raw}": the page ${path} has no element with id "${fragment}"`,
				guess
					? `use an id that exists on ${path}; did you mean #${guess}?`
					: `use an id that exists on ${path}, or drop the fragment`,
			);
		}
	}
	return problems;
}
