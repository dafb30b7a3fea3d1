import { describe, expect, it } from 'vitest';
import { compareEvents, PERIOD_IDS, periodOf, type EventData } from '../../src/lib/events';
import { layoutTimeline } from '../../src/lib/timeline-layout';
import {
	layoutVertical,
	openVertical,
	overlaps,
	textBoxes,
	VERTICAL_DEFAULTS,
	type VerticalLayout,
} from '../../src/lib/timeline-vertical';
import { TRACK_IDS, type TrackId } from '../../src/lib/tracks';
import { validateEventsFile } from '../helpers/content';

const { events } = validateEventsFile('src/content/events.yaml');
const layout = layoutVertical(events);

/** A small seeded generator, so the property tests are repeatable. */
function random(seed: number) {
	return () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
		return seed / 2 ** 31;
	};
}

const WORDS = [
	'NATO',
	'Russia',
	'talks',
	'Kyiv',
	'Geneva',
	'Council',
	'Commission',
	'summit',
	'on',
	'the',
	'sanctions',
];
const pad = (n: number) => String(n).padStart(2, '0');

/** Random events: clusters of days, some years and months, spans, windows, reports; labels up to 30 characters. */
function randomEvents(next: () => number, count: number): EventData[] {
	return Array.from({ length: count }, (_, i) => {
		const r = next();
		const year = r < 0.15 ? 1940 + Math.floor(next() * 80) : 2022;
		const month = 1 + Math.floor(next() * 3);
		const day = 1 + Math.floor(next() * 28);
		const precision = next();
		const date =
			year !== 2022 && precision < 0.3
				? String(year)
				: year !== 2022 && precision < 0.5
					? `${year}-${pad(month)}`
					: `${year}-${pad(month)}-${pad(day)}`;
		const long = date.length === 10 && next() < 0.25;
		const end = long ? `${year}-${pad(month)}-${pad(Math.min(28, day + 1 + Math.floor(next() * 20)))}` : undefined;
		let label = '';
		while (label.length < 4 + next() * 26) label = `${label} ${WORDS[Math.floor(next() * WORDS.length)]}`.trim();
		return {
			id: `e${i}`,
			date,
			end,
			when: end && next() < 0.5 ? 'between' : date.length === 10 && next() < 0.15 ? 'reported' : 'on',
			approximate: false,
			title: `${label} (full title)`,
			label: label.slice(0, 30).trim(),
			track: TRACK_IDS[Math.floor(next() * TRACK_IDS.length)]!,
			status: next() < 0.1 ? 'scheduled' : 'happened',
		};
	});
}

/** Everything the checks below hold for any layout. */
function problems(l: VerticalLayout): string[] {
	const found: string[] = [];
	found.push(...overlaps(textBoxes(l)).map((o) => `text overlaps: ${o}`));
	for (const box of textBoxes(l))
		if (box.x0 < 0 || box.x1 > l.width) found.push(`${box.key} runs outside the chart (${box.x0}–${box.x1})`);
	l.rows.forEach((row, i) => {
		if (row.y1 - row.y0 < 44) found.push(`${row.id} is ${row.y1 - row.y0} high, under 44`);
		const prev = l.rows[i - 1];
		if (prev && row.y0 < prev.y1) found.push(`${prev.id} and ${row.id} overlap`);
		if (row.barEnd !== undefined && row.barEnd < row.y) found.push(`${row.id}'s bar ends above its start`);
		if (row.y1 > l.height) found.push(`${row.id} is below the chart`);
	});
	return found;
}

describe('the vertical timeline', () => {
	it('has a line for every event, in time order, down the chart', () => {
		expect(layout.rows.map((r) => r.id)).toEqual([...events].sort(compareEvents).map((e) => e.id));
		for (let i = 1; i < layout.rows.length; i++) expect(layout.rows[i]!.y).toBeGreaterThan(layout.rows[i - 1]!.y);
	});

	it('never overlaps two labels, keeps every text inside 320 px, and makes every line a 44 px target', () => {
		expect(layout.width).toBe(320);
		expect(problems(layout)).toEqual([]);
		// Every label fits on one line, except at most the longest few.
		expect(layout.rows.filter((r) => r.lines.length > 1).length).toBeLessThanOrEqual(2);
	});

	it('breaks the rail where the wide chart breaks its axis, saying how much time it leaves out', () => {
		const wide = layoutTimeline(events);
		const breaks = layout.texts.filter((t) => t.kind === 'break').map((t) => t.text);
		expect(breaks).toEqual(wide.breaks.map((b) => b.label));
		expect(layout.texts.filter((t) => t.kind === 'era').map((t) => t.text)).toEqual(wide.eras.map((e) => e.label));
	});

	it('writes each date once, beside the first event of that day', () => {
		const dates = layout.texts.filter((t) => t.kind === 'date');
		expect(dates.map((d) => d.text)).toContain('10 Jan');
		expect(new Set(dates.map((d) => d.key)).size).toBe(dates.length);
		const geneva = layout.rows.find((r) => r.id === 'geneva-talks-open')!;
		const tenth = dates.find((d) => d.text === '10 Jan')!;
		// Geneva is not the first event that day, so it shares the day's date rather than repeating it.
		expect(tenth.y).toBeLessThanOrEqual(geneva.y);
	});

	it('draws a bar from a span’s first day to the end of its last', () => {
		const rounds = layout.rows.find((r) => r.id === 'russia-ukraine-two-rounds')!;
		const sixth = layout.rows.find((r) => r.id === 'arakhamia-non-nato-models')!; // 5 March
		const seventh = layout.rows.find((r) => r.id === 'next-round-due')!; // 7 March
		expect(rounds.kind).toBe('window');
		// “Between 24 February and 6 March”: past the 5th, not as far as the 7th.
		expect(rounds.barEnd).toBeGreaterThanOrEqual(sixth.y1);
		expect(rounds.barEnd).toBeLessThanOrEqual(seventh.y0);
		const points = layout.rows.filter((r) => r.kind === 'point');
		for (const p of points) expect(p.barX, p.id).toBeUndefined();
	});

	it('marks where each period begins, in order, for the jump bar', () => {
		expect(layout.anchors.map((a) => a.period)).toEqual(PERIOD_IDS);
		for (const a of layout.anchors) {
			const first = layout.rows.find((r) => periodOf(events.find((e) => e.id === r.id)!) === a.period)!;
			expect(a.y).toBeLessThan(first.y0);
		}
	});

	it('holds for random events: no overlapping labels, nothing outside the chart, lines in time order', () => {
		const next = random(2022);
		for (let trial = 0; trial < 60; trial++) {
			const sample = randomEvents(next, 1 + Math.floor(next() * 45));
			const l = layoutVertical(sample);
			expect(problems(l), `trial ${trial}`).toEqual([]);
			expect(l.rows.map((r) => r.id)).toEqual([...sample].sort(compareEvents).map((e) => e.id));
			// Spans and windows that run past their own line, and only they, get a bar.
			for (const r of l.rows.filter((row) => row.barEnd !== undefined)) {
				expect(['span', 'window'], r.id).toContain(r.kind);
				expect(r.barEnd, r.id).toBeGreaterThan(r.y1);
			}
		}
	});

	it('lays out only the tracks it is given', () => {
		const some: TrackId[] = ['diplomacy', 'military'];
		const l = layoutVertical(events, { tracks: some });
		expect(new Set(l.rows.map((r) => r.track))).toEqual(new Set(some));
		expect(problems(l)).toEqual([]);
	});

	it('uses wider rows for a label that needs two lines, and never clips one', () => {
		const long: EventData = { ...events[0]!, id: 'long', label: 'Wwwwwwwwww Wwwwwwwwww Wwwwwwwwww' };
		const l = layoutVertical([long], { width: 200 });
		expect(l.rows[0]!.lines.length).toBeGreaterThan(1);
		expect(problems({ ...l, width: 200 }).filter((p) => !p.includes('outside'))).toEqual([]);
		expect(l.rows[0]!.y1 - l.rows[0]!.y0).toBeGreaterThanOrEqual(
			l.rows[0]!.lines.length * VERTICAL_DEFAULTS.lineHeight,
		);
	});
});

describe('opening a line', () => {
	const opened = openVertical(layout, 'geneva-talks-open', 300);
	const at = layout.rows.findIndex((r) => r.id === 'geneva-talks-open');

	it('makes room below the line and moves everything after it down by that much', () => {
		expect(opened.height).toBe(layout.height + 300);
		expect(opened.open).toEqual({ id: 'geneva-talks-open', y0: layout.rows[at]!.y1, y1: layout.rows[at]!.y1 + 300 });
		opened.rows.forEach((row, i) => {
			const before = layout.rows[i]!;
			expect(row.y, row.id).toBe(i <= at ? before.y : before.y + 300);
		});
		expect(problems(opened)).toEqual([]);
	});

	it('stretches a bar that runs past the line, and leaves the rest alone', () => {
		const consult = (l: VerticalLayout) => l.rows.find((r) => r.id === 'us-consults-allies-and-eu')!;
		const inside = openVertical(layout, 'nato-russia-council-meets', 100);
		expect(consult(inside).barEnd).toBe(consult(layout).barEnd! + 100);
		expect(consult(inside).y).toBe(consult(layout).y);
		// Room opened for nothing, or for an event not drawn, changes nothing.
		expect(openVertical(layout, 'no-such-event', 100)).toBe(layout);
		expect(openVertical(layout, 'geneva-talks-open', 0)).toBe(layout);
	});

	it('keeps no text in the opened room', () => {
		const { y0, y1 } = opened.open!;
		for (const box of textBoxes(opened)) expect(box.y1 <= y0 || box.y0 >= y1, box.key).toBe(true);
	});
});
