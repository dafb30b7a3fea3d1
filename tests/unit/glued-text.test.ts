import { describe, expect, it } from 'vitest';
import { findGluedText } from '../../src/lib/glued-text';

describe('findGluedText', () => {
	it('finds a word run into a following link or code', () => {
		expect(findGluedText('<p>Links look like<code>/articles/x/</code>.</p>')).toEqual([
			{ element: 'code', excerpt: 'Links look like|<code>' },
		]);
		expect(findGluedText('<p>Everyone mentioned:<a href="/people/">people</a></p>')).toEqual([
			{ element: 'a', excerpt: 'Everyone mentioned:|<a>' },
		]);
	});

	it('finds a link run into the word after it', () => {
		expect(findGluedText('<p>See <a href="/">the page</a>now.</p>')).toEqual([
			{ element: 'a', excerpt: 'the page</a>|now.' },
		]);
	});

	it('accepts spaces, punctuation that needs none, and no-break spaces before citation markers', () => {
		const fine = [
			'<p>Links look like <code>/x/</code>; see <a href="/">this</a>.</p>',
			'<p>(<a href="/">a</a>), “<q>b</q>”</p>',
			'<p>A claim\u00a0<a class="cite-marker" href="/">[1]</a></p>',
			'<p>A claim&nbsp;<a href="/">[1]</a></p>',
			'<p><a href="/">Paragraph 3</a>: text</p>',
			'<div>Block</div><a href="/">next</a>',
		];
		for (const html of fine) expect(findGluedText(html), html).toEqual([]);
	});

	it('ignores what a reader never sees as text: head, scripts, styles, templates, SVG', () => {
		const html =
			'<head><title>t</title></head><script>a<b</script><template><p>x<a>y</a></p></template>' +
			'<svg><text>x</text><a href="/">y</a></svg><style>a{}</style>';
		expect(findGluedText(html)).toEqual([]);
	});
});
