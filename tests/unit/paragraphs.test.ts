import { describe, expect, it } from 'vitest';
import { extractParagraphs, paragraphId } from '../../src/lib/paragraphs';

describe('extractParagraphs', () => {
	it('numbers top-level paragraphs and blockquote paragraphs in document order', () => {
		const body =
			'First.\n\nSecond has “quotes” and #hashtags.\n\n> Tweet text.\n>\n> — Author (@a) January 12, 2022\n\nLast.';
		expect(extractParagraphs(body)).toEqual([
			{ id: 'p1', text: 'First.' },
			{ id: 'p2', text: 'Second has “quotes” and #hashtags.' },
			{ id: 'p3', text: 'Tweet text.' },
			{ id: 'p4', text: '— Author (@a) January 12, 2022' },
			{ id: 'p5', text: 'Last.' },
		]);
	});

	it('ignores ESM and JSX blocks that are not paragraphs', () => {
		const body = "import X from './x.astro';\n\n<X />\n\nOnly paragraph.";
		expect(extractParagraphs(body)).toEqual([{ id: 'p1', text: 'Only paragraph.' }]);
	});

	it('returns nothing for an empty body', () => {
		expect(extractParagraphs('\n\n')).toEqual([]);
	});

	it('builds ids from zero-based indexes', () => {
		expect(paragraphId(0)).toBe('p1');
		expect(paragraphId(11)).toBe('p12');
	});
});
