/**
 * Finds words glued to an inline element in built HTML: "look like<code>/articles/…</code>" reads
 * "look like/articles/…", "mentioned:<a>people</a>" reads "mentioned:people". Astro drops the
 * whitespace between text and a tag that starts on the next line of a template, so a missing
 * `{' '}` is easy to write and hard to see; the dist gate runs this over every page.
 *
 * Only text a reader meets counts: not <head>, scripts, styles, inert templates or SVG drawings.
 */
import { Parser } from 'htmlparser2';

/** Inline elements whose text reads as part of the sentence around them. */
const INLINE = new Set(['a', 'code', 'q', 'time', 'strong', 'em', 'b', 'i', 'kbd', 'abbr', 'cite']);
/** Containers whose text is not read as page text. */
const SKIP = new Set(['head', 'script', 'style', 'template', 'svg', 'noscript']);
/** Characters that, directly before an inline element, mean a space is missing. */
const BEFORE = /[\p{L}\p{N}:;,]$/u;
/** Characters that, directly after an inline element, mean a space is missing. */
const AFTER = /^[\p{L}\p{N}]/u;

export interface Glue {
	/** What is glued, as the reader sees it, e.g. `look like|<code>/articles/` with `|` at the seam. */
	excerpt: string;
	/** The inline element at the seam. */
	element: string;
}

const tail = (text: string) => text.replace(/\s+/g, ' ').slice(-30);
const head = (text: string) => text.replace(/\s+/g, ' ').slice(0, 30);

/** Every seam in `html` where text runs straight into an inline element, or out of one into text. */
export function findGluedText(html: string): Glue[] {
	const found: Glue[] = [];
	let skipping = 0;
	/** The last thing seen at this point of the stream: text, or an inline element's start or end. */
	let last: { kind: 'text'; text: string } | { kind: 'open' | 'close'; name: string } | undefined;
	/** Text inside the inline element currently open, for the excerpt. */
	let insideText = '';
	let pendingAfter: { name: string; inner: string } | undefined;

	const parser = new Parser(
		{
			onopentag(name) {
				if (SKIP.has(name) || skipping) {
					skipping += SKIP.has(name) ? 1 : 0;
					return;
				}
				if (INLINE.has(name) && last?.kind === 'text' && BEFORE.test(last.text)) {
					found.push({ element: name, excerpt: `${tail(last.text)}|<${name}>` });
				}
				if (INLINE.has(name)) insideText = '';
				last = { kind: 'open', name };
				pendingAfter = undefined;
			},
			ontext(text) {
				if (skipping) return;
				if (pendingAfter && AFTER.test(text)) {
					found.push({
						element: pendingAfter.name,
						excerpt: `${tail(pendingAfter.inner)}</${pendingAfter.name}>|${head(text)}`,
					});
				}
				pendingAfter = undefined;
				insideText += text;
				last = { kind: 'text', text: last?.kind === 'text' ? last.text + text : text };
			},
			onclosetag(name) {
				if (SKIP.has(name)) {
					skipping = Math.max(0, skipping - 1);
					return;
				}
				if (skipping) return;
				pendingAfter = INLINE.has(name) ? { name, inner: insideText } : undefined;
				last = { kind: 'close', name };
			},
		},
		{ decodeEntities: true },
	);
	parser.write(html);
	parser.end();
	return found;
}
