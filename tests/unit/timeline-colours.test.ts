import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRACK_IDS, TRACKS } from '../../src/lib/tracks';

const css = readFileSync('src/styles/global.css', 'utf8');

/** [light, dark] of a `--name: light-dark(#xxxxxx, #yyyyyy)` token in global.css. */
function token(name: string): [string, string] {
	const m = new RegExp(`--${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(css);
	if (!m) throw new Error(`no light-dark() token --${name} in global.css`);
	return [m[1]!, m[2]!];
}

function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
	const f = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
	return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
}
const contrast = (a: string, b: string) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
};

describe('track colours', () => {
	it.each(TRACK_IDS)('%s stands out from the page and the lane bands, light and dark (≥ 4:1)', (track) => {
		const colour = token(`track-${track}`);
		for (const surface of ['bg', 'bg-raised']) {
			const bg = token(surface);
			expect(contrast(colour[0], bg[0]), `${track} on ${surface}, light`).toBeGreaterThanOrEqual(4);
			expect(contrast(colour[1], bg[1]), `${track} on ${surface}, dark`).toBeGreaterThanOrEqual(4);
		}
	});

	it('are told apart by shape too, not by colour alone', () => {
		const shapes = TRACK_IDS.map((t) => TRACKS[t].shape);
		expect(new Set(shapes).size).toBe(TRACK_IDS.length);
	});
});
