/**
 * Where the site is published. `SITE_URL` is the public address of the home page, and may carry a
 * path (`https://example.org/talks/` on a GitHub Pages project site): the origin goes to Astro's
 * `site`, the path to its `base`. Pages and components keep writing root-relative links
 * (`/timeline/`); the build prefixes them with the base in one place (base-paths.ts), and absolute
 * URLs (canonical, Open Graph, feeds) come from `absoluteUrl()`.
 */

export interface SiteLocation {
	/** `https://example.org` — no path, no trailing slash. */
	origin: string;
	/** `/` or `/talks/` — always starts and ends with a slash. */
	base: string;
}

export class SiteUrlError extends Error {
	override name = 'SiteUrlError';
}

/** Parses `SITE_URL`; throws a SiteUrlError naming the variable and the fix when it can't be used. */
export function parseSiteUrl(raw: string): SiteLocation {
	const fix = 'Set SITE_URL to the address of the home page, e.g. https://example.org/ or https://example.org/talks/.';
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new SiteUrlError(`SITE_URL "${raw}" is not a URL. ${fix}`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new SiteUrlError(`SITE_URL "${raw}" must be http or https, not ${url.protocol}. ${fix}`);
	if (url.search || url.hash || raw.includes('?') || raw.includes('#'))
		throw new SiteUrlError(`SITE_URL "${raw}" has a query or a fragment; a site address can't. ${fix}`);
	if (url.username || url.password) throw new SiteUrlError(`SITE_URL "${raw}" carries credentials. ${fix}`);
	if (/\/\/|\/\.\.?(\/|$)/.test(url.pathname.slice(1)) || /[\\]/.test(raw))
		throw new SiteUrlError(`SITE_URL "${raw}" has an odd path (empty or dot segments). ${fix}`);
	const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
	return { origin: url.origin, base: path };
}

/** `/timeline/#x` → `/talks/timeline/#x`. Only root-relative paths are prefixed. */
export function withBase(path: string, base: string): string {
	if (!path.startsWith('/') || path.startsWith('//')) return path;
	return base === '/' ? path : `${base}${path.slice(1)}`;
}

/** The inverse of withBase: a path under the base as the site sees it, or undefined outside it. */
export function withoutBase(path: string, base: string): string | undefined {
	if (base === '/') return path;
	if (path === base.slice(0, -1)) return '/';
	return path.startsWith(base) ? `/${path.slice(base.length)}` : undefined;
}

/** The public URL of a root-relative site path: `/articles/x/` → `https://example.org/talks/articles/x/`. */
export function absoluteUrl(path: string, site: SiteLocation): string {
	if (!path.startsWith('/')) throw new Error(`absoluteUrl() takes a root-relative path, got "${path}"`);
	return `${site.origin}${withBase(path, site.base)}`;
}
