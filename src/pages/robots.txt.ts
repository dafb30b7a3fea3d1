import { pageUrl } from '../data/location';

export function GET() {
	// Crawlers read robots.txt only at the root of an origin: under a subpath deploy this file is
	// for the origin's owner to merge into theirs.
	return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${pageUrl('/sitemap-index.xml')}\n`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
}
