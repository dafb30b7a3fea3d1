import { describe, expect, it } from 'vitest';
import { compareEvents, eventSpan, type EventData } from '../../src/lib/events';
import {
	assignRows,
	buildEras,
	centreOn,
	clampTransform,
	DEFAULT_OPTIONS,
	eraScale,
	estimateTextWidth,
	itemExtent,
	labelPlacement,
	layoutTimeline,
	placeLabels,
	thinTicks,
	visibleRange,
	zoomLayout,
	type Interval,
	type Layout,
} from '../../src/lib/timeline-layout';
import { TRACK_IDS } from '../../src/lib/tracks';
import { validateEventsFile } from '../helpers/content';

const { events } = validateEventsFile('src/content/events.yaml');
const layout = layoutTimeline(events);
const DAY = 86_400_000;
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A small seeded generator, so the property tests are repeatable. */
function random(seed: number) {
	return () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
		return seed / 2 ** 31;
	};
}

/** Pairs of items in the same lane and row whose marker-and-label extents overlap. */
function collisions(l: Layout): string[] {
	const found: string[] = [];
	for (const a of l.items)
		for (const b of l.items) {
			if (a.id >= b.id || a.track !== b.track || a.row !== b.row) continue;
			const ea = itemExtent(a);
			const eb = itemExtent(b);
			if (ea.start < eb.end && eb.start < ea.end) found.push(`${a.id} × ${b.id}`);
		}
	return found;
}

describe('row assignment', () => {
	it('puts each interval in the lowest row where it fits', () => {
		const rows = assignRows(
			[
				{ start: 0, end: 10 },
				{ start: 5, end: 15 },
				{ start: 12, end: 20 },
				{ start: 16, end: 30 },
			],
			1,
		);
		expect(rows).toEqual([0, 1, 0, 1]);
	});

	it('never overlaps two intervals in one row (random intervals, with the gap kept)', () => {
		const next = random(42);
		for (let trial = 0; trial < 50; trial++) {
			const intervals: Interval[] = Array.from({ length: 40 }, () => {
				const start = next() * 1000;
				return { start, end: start + 5 + next() * 150 };
			}).sort((a, b) => a.start - b.start);
			const rows = assignRows(intervals, 8);
			for (let i = 0; i < intervals.length; i++)
				for (let j = i + 1; j < intervals.length; j++) {
					if (rows[i] !== rows[j]) continue;
					const [a, b] = [intervals[i]!, intervals[j]!];
					expect(a.end + 8 <= b.start || b.end + 8 <= a.start).toBe(true);
				}
		}
	});

	it('takes the second choice (label to the left) only when the first does not fit', () => {
		const placed = placeLabels(
			[
				[{ start: 0, end: 100 }],
				[
					{ start: 50, end: 150 },
					{ start: -200, end: -60 },
				],
				[
					{ start: 200, end: 300 },
					{ start: 120, end: 190 },
				],
			],
			5,
		);
		expect(placed).toEqual([
			{ row: 0, choice: 0 },
			{ row: 0, choice: 1 },
			{ row: 0, choice: 0 },
		]);
	});
});

describe('the broken time axis', () => {
	it('breaks where events are more than two weeks apart, and names the eras', () => {
		expect(layout.eras.map((e) => [e.label, e.kind])).toEqual([
			['1949', 'day'],
			['2008', 'day'],
			['2014', 'year'],
			['2021', 'day'],
			['January 2022', 'span'],
			['February – March 2022', 'span'],
		]);
		expect(layout.breaks.map((b) => b.label)).toEqual(['59 years', '6 years', '7 years', '3 weeks', '6 weeks']);
	});

	it('keeps nine days together but splits at fifteen', () => {
		const spans = (days: number) => [
			{ from: utc('2022-01-01'), to: utc('2022-01-02') },
			{
				from: new Date(utc('2022-01-02').getTime() + days * DAY),
				to: new Date(utc('2022-01-03').getTime() + days * DAY),
			},
		];
		expect(buildEras(spans(9), 14)).toHaveLength(1);
		expect(buildEras(spans(15), 14)).toHaveLength(2);
	});

	it('is linear within each era, with breaks of fixed width between them', () => {
		const x = eraScale(layout.eras);
		const jan = layout.eras[4]!;
		const perDay = (a: string, b: string) => (x(utc(b)) - x(utc(a))) / ((utc(b).getTime() - utc(a).getTime()) / DAY);
		expect(perDay('2022-01-08', '2022-01-09')).toBeCloseTo(perDay('2022-01-10', '2022-01-13'), 6);
		expect(perDay('2022-02-24', '2022-02-25')).toBeCloseTo(perDay('2022-03-01', '2022-03-15'), 6);
		// …but not across eras: the January talks get more room a day than the weeks after the invasion.
		expect(perDay('2022-01-08', '2022-01-09')).toBeGreaterThan(2 * perDay('2022-02-24', '2022-02-25'));
		for (const b of layout.breaks) expect(b.x1 - b.x0).toBe(DEFAULT_OPTIONS.breakWidth);
		expect(x(jan.from)).toBeCloseTo(jan.x0, 6);
	});

	it('runs left to right in time, eras never overlapping, the plot filled exactly', () => {
		for (let i = 1; i < layout.eras.length; i++) expect(layout.eras[i]!.x0).toBeGreaterThan(layout.eras[i - 1]!.x1);
		expect(layout.eras[0]!.x0).toBe(layout.plot.x0);
		expect(layout.eras.at(-1)!.x1).toBeCloseTo(layout.plot.x1, 6);
	});

	it('labels ticks without crowding them, each inside the plot', () => {
		const labels = layout.ticks.filter((t) => t.kind === 'label');
		expect(labels.map((t) => t.label)).toEqual(
			expect.arrayContaining(['4 Apr', '17 Dec', '8 Jan', '10 Jan', '13 Jan', '28 Feb', '7 Mar']),
		);
		for (let i = 1; i < labels.length; i++) {
			const half = (t: { label: string }) => estimateTextWidth(t.label, layout.fontSize - 1) / 2;
			expect(labels[i]!.x - half(labels[i]!)).toBeGreaterThanOrEqual(labels[i - 1]!.x + half(labels[i - 1]!));
		}
		expect(thinTicks([], [], 12)).toEqual([]);
	});

	it('centres a day’s tick and its events in the day', () => {
		const x = eraScale(layout.eras);
		const tick = layout.ticks.find((t) => t.label === '10 Jan')!;
		const geneva = layout.items.find((i) => i.id === 'geneva-talks-open')!;
		expect(tick.x).toBeCloseTo((x(utc('2022-01-10')) + x(utc('2022-01-11'))) / 2, 6);
		expect(geneva.x).toBeCloseTo(tick.x, 6);
	});
});

describe('the chart layout', () => {
	it('draws one lane per track, in the order of TRACKS, tall enough for its rows', () => {
		expect(layout.lanes.map((l) => l.track)).toEqual(TRACK_IDS);
		for (const lane of layout.lanes)
			expect(lane.y1 - lane.y0).toBeGreaterThanOrEqual(lane.rows * DEFAULT_OPTIONS.rowHeight);
		for (const item of layout.items) {
			const lane = layout.lanes.find((l) => l.track === item.track)!;
			expect(item.y).toBeGreaterThan(lane.y0);
			expect(item.y).toBeLessThan(lane.y1);
		}
	});

	it('places every event, in time order, its marker within its own dates, its label inside the plot', () => {
		expect(layout.items.map((i) => i.id)).toEqual([...events].sort(compareEvents).map((e) => e.id));
		const x = eraScale(layout.eras);
		for (const e of events) {
			const item = layout.items.find((i) => i.id === e.id)!;
			const { from, to } = eventSpan(e);
			expect(item.x, e.id).toBeGreaterThanOrEqual(x(from));
			expect(item.x, e.id).toBeLessThanOrEqual(x(to));
			expect(item.xEnd, e.id).toBeLessThanOrEqual(x(to) + 0.001);
		}
		for (const item of layout.items) {
			const e = itemExtent(item);
			expect(e.start, item.id).toBeGreaterThanOrEqual(layout.plot.x0 - 0.001);
			expect(e.end, item.id).toBeLessThanOrEqual(layout.plot.x1 + 0.001);
		}
	});

	it('never lets two labels in one lane and row overlap', () => {
		expect(collisions(layout)).toEqual([]);
	});

	it('keeps labels apart at every zoom and pan (k ≥ 1 only stretches the gaps)', () => {
		const next = random(7);
		for (let trial = 0; trial < 40; trial++) {
			const t = clampTransform(layout, { k: 1 + next() * 20, x: -next() * 20_000 });
			expect(collisions(zoomLayout(layout, t))).toEqual([]);
		}
	});

	it('sizes the chart to its lanes, with nothing drawn outside', () => {
		expect(layout.height).toBeGreaterThan(layout.overview.y1);
		expect(layout.plot.y1).toBe(layout.lanes.at(-1)!.y1);
	});

	it('kinds: points, spans, windows (a year, or between two dates) and reported dates', () => {
		const kind = (id: string) => layout.items.find((i) => i.id === id)?.kind;
		expect(kind('geneva-talks-open')).toBe('point');
		expect(kind('us-consults-allies-and-eu')).toBe('span');
		expect(kind('russia-annexes-crimea')).toBe('window');
		expect(kind('russia-ukraine-two-rounds')).toBe('window');
		expect(kind('lavrov-some-hope')).toBe('reported');
		expect(layout.items.find((i) => i.id === 'osce-permanent-council-vienna')?.scheduled).toBe(true);
	});

	it('lays out a single period with only the lanes it is given', () => {
		const few = events.filter((e) => e.date.startsWith('2022-01'));
		const small = layoutTimeline(few, { tracks: ['diplomacy', 'statements'] });
		expect(small.lanes.map((l) => l.track)).toEqual(['diplomacy', 'statements']);
		expect(small.eras).toHaveLength(1);
		expect(small.breaks).toEqual([]);
		expect(collisions(small)).toEqual([]);
	});
});

describe('zoom', () => {
	it('maps every position by the transform, and recomputes ticks for the stretched eras', () => {
		const t = { k: 4, x: -2000 };
		const zoomed = zoomLayout(layout, t);
		zoomed.items.forEach((item, i) => expect(item.x).toBeCloseTo(4 * layout.items[i]!.x - 2000, 6));
		const days = (l: Layout) => l.ticks.filter((tick) => tick.kind === 'label' && / Jan$/.test(tick.label)).length;
		expect(zoomLayout(layout, { k: 1, x: 0 })).toBe(layout);
		expect(days(zoomed)).toBeGreaterThan(0);
	});

	it('never pans past either end, and never zooms out below the whole story', () => {
		expect(clampTransform(layout, { k: 0.5, x: 500 })).toEqual({ k: 1, x: 0 });
		const t = clampTransform(layout, { k: 3, x: 10_000 });
		expect(t.k * layout.plot.x0 + t.x).toBeLessThanOrEqual(layout.plot.x0);
		const far = clampTransform(layout, { k: 3, x: -1e9 });
		expect(far.k * layout.plot.x1 + far.x).toBeCloseTo(layout.plot.x1, 6);
	});

	it('centres an event in the view', () => {
		const nrc = layout.items.find((i) => i.id === 'nato-russia-council-meets')!;
		const t = centreOn(layout, nrc.x, 4);
		expect(t.k * nrc.x + t.x).toBeCloseTo((layout.plot.x0 + layout.plot.x1) / 2, 6);
		const [v0, v1] = visibleRange(layout, t);
		expect(nrc.x).toBeGreaterThan(v0);
		expect(nrc.x).toBeLessThan(v1);
		expect(v1 - v0).toBeCloseTo((layout.plot.x1 - layout.plot.x0) / 4, 6);
	});
});

describe('labels in a zoomed view', () => {
	const plot = { x0: 100, x1: 1000 };
	const base = { anchor: 'start' as const, labelWidth: 120 };

	it('carry a bar’s label into view, never past the bar’s end', () => {
		const bar = { ...base, kind: 'window' as const, x: 20, xEnd: 600 };
		const { dx, visible } = labelPlacement(bar, plot);
		expect(bar.x + dx).toBe(104);
		expect(visible).toBe(true);
		// Too short a bar to carry it: the label stays put, cut, so it is hidden.
		expect(labelPlacement({ ...bar, xEnd: 150 }, plot)).toEqual({ dx: 11, visible: false });
	});

	it('hide a label cut by the edge when its marker is out of view, and keep it when the marker shows', () => {
		expect(labelPlacement({ ...base, kind: 'point', x: 60, xEnd: 60 }, plot).visible).toBe(false);
		expect(labelPlacement({ ...base, kind: 'point', x: 960, xEnd: 960 }, plot).visible).toBe(true);
		expect(labelPlacement({ ...base, anchor: 'end', kind: 'point', x: 1040, xEnd: 1040 }, plot).visible).toBe(false);
		expect(labelPlacement({ ...base, kind: 'point', x: 500, xEnd: 500 }, plot)).toEqual({ dx: 11, visible: true });
	});
});

describe('text widths', () => {
	it('grows with the text and errs wide', () => {
		expect(estimateTextWidth('iii', 13)).toBeLessThan(estimateTextWidth('mmm', 13));
		// “NATO–Russia Council” measures 136 px in DejaVu Sans at 13 px, the widest font the tests see.
		expect(estimateTextWidth('NATO–Russia Council', 13)).toBeGreaterThanOrEqual(136);
	});

	it('handles an empty list of events for a track without failing', () => {
		const only: EventData[] = events.filter((e) => e.track === 'military');
		expect(layoutTimeline(only, { tracks: ['military'] }).items).toHaveLength(only.length);
	});
});
