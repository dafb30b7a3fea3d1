/**
 * Where this build is published, from Astro's `site` and `base` (set from SITE_URL in
 * astro.config.mjs). Server-side only: client code uses import.meta.env.BASE_URL.
 */
import { absoluteUrl, withoutBase, type SiteLocation } from '../lib/site-url';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export const LOCATION: SiteLocation = { origin: new URL(import.meta.env.SITE ?? 'http://localhost:4321').origin, base };

/** The public URL of a site path: `/articles/x/` → `https://example.org/talks/articles/x/`. */
export function pageUrl(path: string): string {
	return absoluteUrl(path, LOCATION);
}

/** A request path (`Astro.url.pathname`, which carries the base) as a path inside the site. */
export function sitePath(pathname: string): string {
	return withoutBase(pathname, LOCATION.base) ?? pathname;
}
