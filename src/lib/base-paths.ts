/**
 * Puts a built page under the site's base path (`/talks/` on a GitHub Pages project site), so
 * that pages, components and content keep writing root-relative links (`/timeline/`) and one
 * step at the end of the build prefixes them all: every URL attribute, and the root-relative
 * paths in JSON data islands. URLs Astro has prefixed itself (`/talks/_astro/…`) are left alone;
 * so are absolute, protocol-relative and relative URLs, and fragments.
 */
import { withBase } from './site-url';

/** Attributes whose value is one URL. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'poster', 'data-href', 'data-share', 'formaction'];

/** A start tag, quoted attribute values included (they may hold `>`); text between tags is never touched. */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>/g;
const ATTRIBUTE = new RegExp(`(\\s(?:${URL_ATTRIBUTES.join('|')})=)(["'])(\\/(?!\\/)[^"']*)\\2`, 'g');
const SRCSET = /(\ssrcset=)(["'])([^"']*)\2/g;
const JSON_ISLAND = /(<script\b[^>]*\btype="application\/(?:ld\+)?json"[^>]*>)([\s\S]*?)(<\/script>)/g;
/** A JSON string that is a root-relative path: `"/timeline/#x"` (not `"//cdn"`, not `"/"` + text). */
const JSON_PATH = /"(\/(?!\/)[\w\-./~%#?=&:;]*)"/g;

function prefix(url: string, base: string): string {
	// Astro writes its own asset URLs with the base already.
	if (url.startsWith(`${base}_astro/`)) return url;
	return withBase(url, base);
}

/** The HTML of one built page with every root-relative URL under `base`. */
export function rebaseHtml(html: string, base: string): string {
	if (base === '/') return html;
	return html
		.replace(JSON_ISLAND, (_, open: string, body: string, close: string) => {
			const rebased = body.replace(JSON_PATH, (_m, path: string) => `"${prefix(path, base)}"`);
			return `${open}${rebased}${close}`;
		})
		.replace(START_TAG, (tag) =>
			tag
				.replace(
					ATTRIBUTE,
					(_, name: string, quote: string, url: string) => `${name}${quote}${prefix(url, base)}${quote}`,
				)
				.replace(SRCSET, (_, name: string, quote: string, list: string) => {
					const rebased = list
						.split(',')
						.map((item) => item.trim().replace(/^\/(?!\/)\S*/, (url) => prefix(url, base)))
						.join(', ');
					return `${name}${quote}${rebased}${quote}`;
				}),
		);
}
