/**
 * What the two servers of built files share (scripts/serve.mjs for dist/, and the dev server's
 * view of dist/pagefind in src/integrations/pagefind.ts): one table of content types, one reading
 * of a request's path that never throws, and the `_headers` format. No imports and only erasable
 * TypeScript, so that scripts/serve.mjs can import it directly on the project's Node 24.
 */

/** Content types by file extension, for everything a build writes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm',
	'.webmanifest': 'application/manifest+json',
});

/**
 * The content type of a file by its name; Pagefind's own index files (`.pf_fragment`, …) and
 * anything else unknown are `application/octet-stream`.
 */
export function contentType(file: string): string {
	const dot = file.lastIndexOf('.');
	const ext = dot > file.lastIndexOf('/') ? file.slice(dot).toLowerCase() : '';
	return (Object.hasOwn(CONTENT_TYPES, ext) && CONTENT_TYPES[ext]) || 'application/octet-stream';
}

/** Longer paths are refused with 414; the longest page path on the site is under 100 characters. */
export const MAX_PATH_LENGTH = 2048;

/** A path that may be served: its decoded segments, and whether it ended in `/`. */
export interface GoodPath {
	ok: true;
	segments: string[];
	trailingSlash: boolean;
}

/** A path that may not, with the status to answer and why, for the response body. */
export interface BadPath {
	ok: false;
	status: 400 | 414;
	reason: string;
}

/**
 * Reads the path of a request target (`/articles/x/?q=1`) into decoded segments, or says why it
 * cannot be served. Browsers resolve `.` and `..` before they send a request, so a `..` that
 * arrives (raw or escaped) is refused rather than resolved: no answer ever comes from outside
 * the served folder. Never throws. `target` is the request target as received (`req.url`).
 */
export function parseRequestPath(target: string | undefined): GoodPath | BadPath {
	const raw = (target ?? '').split(/[?#]/, 1)[0] ?? '';
	if (raw.length > MAX_PATH_LENGTH)
		return { ok: false, status: 414, reason: `the path is longer than ${MAX_PATH_LENGTH} characters` };
	if (!raw.startsWith('/') || raw.startsWith('//'))
		return { ok: false, status: 400, reason: 'the path must start with a single /' };
	const segments: string[] = [];
	for (const part of raw.slice(1).split('/')) {
		let segment: string;
		try {
			segment = decodeURIComponent(part);
		} catch {
			return { ok: false, status: 400, reason: 'the path has a malformed percent-escape' };
		}
		if (/[\0-\x1f\x7f]/.test(segment)) return { ok: false, status: 400, reason: 'the path has a control character' };
		if (segment.includes('/') || segment.includes('\\'))
			return { ok: false, status: 400, reason: 'the path has an escaped slash or a backslash' };
		if (segment === '..' || segment === '.')
			return { ok: false, status: 400, reason: 'the path has a . or .. segment' };
		segments.push(segment);
	}
	const trailingSlash = segments.at(-1) === '';
	return { ok: true, segments: segments.filter(Boolean), trailingSlash };
}

/** A site path from decoded segments, escaped for a `Location` header: `['a b']` → `/a%20b/`. */
export const encodePath = (segments: readonly string[], trailingSlash: boolean): string =>
	`/${segments.map(encodeURIComponent).join('/')}${trailingSlash && segments.length ? '/' : ''}`;

/**
 * Reads a `_headers` file (the Netlify and Cloudflare Pages format): a path pattern at the start
 * of a line, then its headers indented below it. Returns the headers by path pattern, in file order.
 */
export function parseHeadersFile(text: string): Map<string, Record<string, string>> {
	const rules = new Map<string, Record<string, string>>();
	let current: Record<string, string> | undefined;
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			current = {};
			rules.set(line.trim(), current);
		} else if (current) {
			const i = line.indexOf(':');
			if (i > 0) current[line.slice(0, i).trim()] = line.slice(i + 1).trim();
		}
	}
	return rules;
}
