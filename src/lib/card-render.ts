/**
 * Renders preview cards at build time: satori lays out the element tree from `card.ts` into SVG
 * with the bundled fonts, resvg rasterises it, and `png.ts` stores it as a palette PNG. Node only
 * (fonts and the cache are files); used by the card endpoint, never in the browser.
 *
 * Cards are cached by content hash in node_modules/.cache/og-cards/: the key covers the element
 * tree (so any change of text or layout), the fonts and the renderer versions, so a rebuild
 * renders only the cards whose content changed.
 *
 * Fonts: Source Serif 4 and Source Sans 3 by Adobe, from the @fontsource packages, both under the
 * SIL Open Font License 1.1, which allows bundling and embedding them in images.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { CARD_HEIGHT, CARD_WIDTH, cardTree, type CardNode, type CardSpec } from './card';
import { encodePalettePng } from './png';

const require = createRequire(join(process.cwd(), 'package.json'));

type Weight = 400 | 600;
const FACES: { name: 'Serif' | 'Sans'; pkg: string; file: string; weight: Weight }[] = [];
for (const [name, pkg, file] of [
	['Serif', '@fontsource/source-serif-4', 'source-serif-4'],
	['Sans', '@fontsource/source-sans-3', 'source-sans-3'],
] as const) {
	// latin first; latin-ext and cyrillic cover names such as “РИА Новости” in the sources.
	for (const subset of ['latin', 'latin-ext', 'cyrillic'])
		for (const weight of [400, 600] as const)
			FACES.push({ name, pkg, file: `${pkg}/files/${file}-${subset}-${weight}-normal.woff`, weight });
}

let fonts: { name: string; data: Buffer; weight: Weight; style: 'normal' }[] | undefined;
let fingerprint: string | undefined;

function loadFonts() {
	if (!fonts) {
		fonts = FACES.map((f) => ({
			name: f.name,
			data: readFileSync(require.resolve(f.file)),
			weight: f.weight,
			style: 'normal',
		}));
		const versions = ['satori', '@resvg/resvg-js', '@fontsource/source-serif-4', '@fontsource/source-sans-3'].map(
			(pkg) => `${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`,
		);
		// Bump the suffix when the rendering pipeline itself changes (e.g. the PNG encoder).
		fingerprint = `${versions.join(' ')} png-palette-1`;
	}
	return { fonts, fingerprint: fingerprint! };
}

/** Emoji and other pictographs have no glyph in the card fonts: leave them out of the picture. */
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu;

/** The cache key of a card: its layout tree, the site text, fonts and renderer versions. */
export function cardKey(card: CardSpec, site: { name: string; tagline: string }): string {
	return createHash('sha256')
		.update(loadFonts().fingerprint)
		.update(JSON.stringify(cardTree(card, site)))
		.digest('hex')
		.slice(0, 32);
}

export const CARD_CACHE = join(process.cwd(), 'node_modules', '.cache', 'og-cards');

/** Renders without the cache. */
export async function renderCard(card: CardSpec, site: { name: string; tagline: string }): Promise<Buffer> {
	const clean = JSON.parse(JSON.stringify(cardTree(card, site)), (_, v: unknown) =>
		typeof v === 'string' ? v.replace(PICTOGRAPH, '').replace(/ {2,}/g, ' ') : v,
	) as CardNode;
	// satori types its input as React's ReactNode (React's types are not installed here); a CardNode
	// is the plain-object form of such an element, which satori reads as is.
	const svg = await satori(clean, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts().fonts });
	const image = new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH } }).render();
	return encodePalettePng(image.width, image.height, image.pixels) ?? image.asPng();
}

/** The card as PNG bytes, from the cache when its content has not changed. */
export async function cachedCard(
	card: CardSpec,
	site: { name: string; tagline: string },
	cache = CARD_CACHE,
): Promise<Buffer> {
	const file = join(cache, `${cardKey(card, site)}.png`);
	if (existsSync(file)) return readFileSync(file);
	const png = await renderCard(card, site);
	mkdirSync(cache, { recursive: true });
	// Write then rename, so a build stopped halfway never leaves a truncated card in the cache.
	const partial = `${file}.${process.pid}.tmp`;
	writeFileSync(partial, png);
	renameSync(partial, file);
	return png;
}
