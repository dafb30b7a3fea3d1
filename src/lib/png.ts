/**
 * A lossless palette PNG encoder. Preview cards use a handful of flat colours and their
 * anti-aliased blends, usually well under 256 distinct colours, so storing one byte per pixel
 * instead of resvg's four makes a card about 60% smaller with exactly the same pixels (the 80 KB
 * budget per card then holds with room to spare). Images with more colours return undefined and
 * keep resvg's own encoding.
 */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Uint8Array): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
	return Buffer.concat([head, data, crc]);
}

/** PNG signature. */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Encodes opaque RGBA pixels (alpha ignored: cards are opaque) as an 8-bit palette PNG, or returns
 * undefined when the image has more than 256 colours.
 */
export function encodePalettePng(width: number, height: number, rgba: Uint8Array): Buffer | undefined {
	if (rgba.length !== width * height * 4) throw new Error(`encodePalettePng: expected ${width * height * 4} bytes`);
	const index = new Map<number, number>();
	// Cards are mostly long runs of one colour: remember the last lookup.
	let last = -1;
	let lastK = 0;
	// One filter byte (0: none, which suits palette images) before each row of indices.
	const raw = Buffer.alloc((width + 1) * height);
	for (let y = 0; y < height; y++) {
		const row = y * (width + 1);
		for (let x = 0; x < width; x++) {
			const i = (y * width + x) * 4;
			const colour = (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
			if (colour === last) {
				raw[row + 1 + x] = lastK;
				continue;
			}
			let k = index.get(colour);
			if (k === undefined) {
				if (index.size === 256) return undefined;
				k = index.size;
				index.set(colour, k);
			}
			raw[row + 1 + x] = k;
			last = colour;
			lastK = k;
		}
	}
	const palette = Buffer.alloc(index.size * 3);
	for (const [colour, k] of index) {
		palette[k * 3] = colour >> 16;
		palette[k * 3 + 1] = (colour >> 8) & 255;
		palette[k * 3 + 2] = colour & 255;
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 3; // colour type: palette
	return Buffer.concat([
		SIGNATURE,
		chunk('IHDR', header),
		chunk('PLTE', palette),
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', new Uint8Array(0)),
	]);
}

/** Width and height from a PNG's IHDR chunk, for tests and checks; throws if it is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (buf.length < 24 || !buf.subarray(0, 8).equals(SIGNATURE) || buf.toString('latin1', 12, 16) !== 'IHDR')
		throw new Error('not a PNG file');
	return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
