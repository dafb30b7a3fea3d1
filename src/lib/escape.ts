/**
 * The one way content reaches a `<script type="application/json">` data island. `JSON.stringify`
 * alone leaves `</script>` and `<!--` intact, so a title or a name holding them would end the
 * element early and spill the rest into the page as markup. Escaping `<`, `>` and `&` as JSON
 * unicode escapes keeps the text identical after `JSON.parse`; U+2028/U+2029 are escaped too, so the
 * same string is also safe inside a JavaScript literal.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

const escapeChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON for a `<script type="application/json">` element's `set:html`, and for JSON in a `data-`
 * attribute (which Astro escapes as an attribute on top: one helper for all content as JSON).
 */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(UNSAFE, escapeChar);

/** Text for HTML, in an element or a quoted attribute. */
export const escapeHtml = (s: string): string =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
