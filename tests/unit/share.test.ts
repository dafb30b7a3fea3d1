import { describe, expect, it } from 'vitest';
import { cardPath, cardTree, quoteFit, titleSize, type CardNode, type CardSpec } from '../../src/lib/card';
import { encodePalettePng, pngSize } from '../../src/lib/png';
import { anchorOfSharePath, formatQuote, shareDescription, sharePath } from '../../src/lib/share';
import { inflateSync } from 'node:zlib';

describe('share addresses', () => {
	it('puts a share page at /s/<page path>/<anchor>/, and reads the anchor back from it', () => {
		expect(sharePath('/articles/ukraine-open-to-non-nato-models/', 'p7')).toBe(
			'/s/articles/ukraine-open-to-non-nato-models/p7/',
		);
		expect(sharePath('/timeline/', 'geneva-talks-open')).toBe('/s/timeline/geneva-talks-open/');
		expect(anchorOfSharePath('/s/articles/ukraine-open-to-non-nato-models/p7/')).toBe(
			'/articles/ukraine-open-to-non-nato-models/#p7',
		);
		expect(anchorOfSharePath('/articles/x/')).toBeUndefined();
		expect(() => sharePath('/articles/x/', 'p7/../..')).toThrow(/not an anchor id/);
	});

	it('gives every page its card path', () => {
		expect(cardPath('/')).toBe('/og/index.png');
		expect(cardPath('/articles/x/')).toBe('/og/articles/x.png');
		expect(cardPath('/s/timeline/geneva-talks-open/')).toBe('/og/s/timeline/geneva-talks-open.png');
	});

	it('cuts a preview description at a word', () => {
		const text = 'word '.repeat(100);
		const cut = shareDescription(text, 50);
		expect(cut).toBe(`${Array(10).fill('word').join(' ')}…`);
		expect(cut.endsWith('…')).toBe(true);
		expect(cut.length).toBeLessThanOrEqual(51);
		expect(shareDescription('  short\n text ')).toBe('short text');
	});

	it('formats a copied quote as “…” — source, date, URL', () => {
		expect(
			formatQuote({
				text: ' NATO  said\nno. ',
				source: '“A title”, paragraph 3',
				date: '10 January 2022',
				url: 'https://x/s/a/p3/',
			}),
		).toBe('“NATO said no.” — “A title”, paragraph 3, 10 January 2022, https://x/s/a/p3/');
		expect(formatQuote({ text: 'Undated.', source: 'An explainer', url: 'https://x/' })).toBe(
			'“Undated.” — An explainer, https://x/',
		);
	});
});

const site = { name: 'The 2022 Security Talks', tagline: 'NATO, Russia and Ukraine, January–March 2022' };
const texts = (node: CardNode | string): string[] =>
	typeof node === 'string' ? [node] : [node.props.children ?? []].flat().flatMap((c) => texts(c));
const fontSizes = (node: CardNode | string): number[] =>
	typeof node === 'string'
		? []
		: [
				...(typeof node.props.style?.['fontSize'] === 'number' ? [node.props.style['fontSize']] : []),
				...[node.props.children ?? []].flat().flatMap((c) => fontSizes(c)),
			];

describe('preview cards', () => {
	const page: CardSpec = { type: 'page', kind: 'Source article', title: 'A headline', date: '10 January 2022' };
	const quote: CardSpec = {
		type: 'quote',
		kind: 'Source article · paragraph 3',
		quote: 'They said no.',
		source: '“A headline”',
		date: '10 January 2022',
	};

	it('says the kind, title, date and the site’s name', () => {
		expect(texts(cardTree(page, site))).toEqual(
			expect.arrayContaining(['Source article · 10 January 2022', 'A headline', site.name, site.tagline]),
		);
		expect(texts(cardTree(quote, site))).toEqual(
			expect.arrayContaining(['Source article · paragraph 3 · 10 January 2022', 'They said no.”', '— “A headline”']),
		);
	});

	it('shows our own summaries without quotation marks or attribution', () => {
		const event = cardTree({ ...quote, heading: 'Talks open', quoted: false, quote: 'Delegations met.' }, site);
		expect(texts(event)).toEqual(expect.arrayContaining(['Talks open', 'Delegations met.']));
		expect(texts(event).join(' ')).not.toMatch(/[“”—]/);
	});

	it('keeps every text legible as a 300 px thumbnail (at least 26 px at full size)', () => {
		const long = 'word '.repeat(200);
		for (const spec of [
			page,
			quote,
			{ ...page, title: long, dek: long },
			{ ...quote, quote: long, heading: long },
		] as CardSpec[])
			expect(Math.min(...fontSizes(cardTree(spec, site)))).toBeGreaterThanOrEqual(26);
	});

	it('sets long titles and quotes smaller, and cuts a quote that would not fit at a word', () => {
		expect(titleSize('Short')).toBeGreaterThan(titleSize('x'.repeat(120)));
		expect(quoteFit('Short.', false)).toEqual({ size: 52, text: 'Short.' });
		const long = quoteFit(`${'several words here '.repeat(30)}end`, false);
		expect(long.size).toBe(40);
		expect(long.text.length).toBeLessThanOrEqual(231);
		expect(long.text).toMatch(/\w…$/);
	});
});

describe('palette PNG', () => {
	it('encodes the exact pixels, one byte each, and reads its size back', () => {
		const [w, h] = [3, 2];
		const rgba = new Uint8Array([
			255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255,
		]);
		const png = encodePalettePng(w, h, rgba)!;
		expect(pngSize(png)).toEqual({ width: 3, height: 2 });
		// Chunks: IHDR, PLTE (5 colours), IDAT; decode IDAT and map indices back through the palette.
		const chunks = new Map<string, Buffer>();
		for (let at = 8; at < png.length;) {
			const len = png.readUInt32BE(at);
			chunks.set(png.toString('latin1', at + 4, at + 8), png.subarray(at + 8, at + 8 + len));
			at += 12 + len;
		}
		expect(chunks.get('IHDR')![9]).toBe(3); // palette colour type
		const palette = chunks.get('PLTE')!;
		expect(palette.length).toBe(5 * 3);
		const raw = inflateSync(chunks.get('IDAT')!);
		const back: number[] = [];
		for (let y = 0; y < h; y++)
			for (let x = 0; x < w; x++) {
				const k = raw[y * (w + 1) + 1 + x]!;
				back.push(palette[k * 3]!, palette[k * 3 + 1]!, palette[k * 3 + 2]!, 255);
			}
		expect(back).toEqual([...rgba]);
	});

	it('declines an image of more than 256 colours (resvg’s own PNG is kept)', () => {
		const rgba = new Uint8Array(300 * 4).map((_, i) =>
			i % 4 === 3 ? 255 : i % 4 === 0 ? Math.floor(i / 4) % 256 : i % 4 === 1 ? Math.floor(i / 1024) : 0,
		);
		expect(encodePalettePng(300, 1, rgba)).toBeUndefined();
		expect(() => pngSize(new Uint8Array(30))).toThrow(/not a PNG/);
	});
});
