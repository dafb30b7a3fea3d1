/**
 * Geometry of the timeline chart, as pure functions of the events and the chart's size: no DOM,
 * so the same code lays the chart out at build time and again in the browser when it zooms.
 *
 * Time in this story is very uneven (1949, 2008, 2014, then days in 2022), so the x axis is
 * broken into eras: clusters of events separated by long gaps. Each era is linear in time; the
 * gaps between eras are drawn as labelled breaks ("59 years"), never as continuous time. Eras with
 * many events get more width than eras with one, and the axis ticks in each era show its scale.
 */
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { utcDay, utcMonday, utcMonth, utcYear, type CountableTimeInterval } from 'd3-time';
import { formatPartial, formatPartialShort, type PartialDate } from './dates';
import { chartLabel, compareEvents, eventSpan, type EventData } from './events';
import { TRACK_IDS, TRACKS, type TrackId } from './tracks';

export interface LayoutOptions {
	/** Width of the chart, in SVG units (CSS pixels at its natural size). */
	width: number;
	/** Left column for the lane names. */
	laneLabelWidth: number;
	/** Space right of the plot. */
	marginRight: number;
	/** Height of one row of labels in a lane; also the height of each event's hit area. */
	rowHeight: number;
	/** Space above and below the rows of a lane. */
	lanePadding: number;
	/** Width of a break between eras. */
	breakWidth: number;
	/** Width of an era holding a single day or year. */
	pointEraWidth: number;
	/** A gap between events longer than this many days breaks the axis. */
	breakAfterDays: number;
	/** Font size of the labels, for estimating their widths. */
	fontSize: number;
	/** Lanes to draw; they are always in the order of TRACKS. */
	tracks: readonly TrackId[];
}

export const DEFAULT_OPTIONS: LayoutOptions = {
	width: 1100,
	laneLabelWidth: 118,
	marginRight: 10,
	rowHeight: 24,
	lanePadding: 5,
	breakWidth: 26,
	pointEraWidth: 46,
	breakAfterDays: 14,
	fontSize: 13,
	tracks: TRACK_IDS,
};

/** Heights of the bands above and below the lanes. */
export const BANDS = { eraLabels: 26, axis: 44, overviewGap: 8, overview: 34 } as const;

const DAY = 86_400_000;
/** Radius of a marker; the label starts this far plus LABEL_GAP from its centre. */
export const MARKER_R = 6;
const LABEL_GAP = 5;
/** Length of the dashed tail before an event known only from a later report. */
export const TAIL = 16;
/** Minimum clear space between two labels in one row. */
const ROW_GAP = 8;

// ---------------------------------------------------------------------------------------------
// Text widths

/**
 * Advance widths in em of DejaVu Sans, the widest common sans-serif and the one the test browser
 * falls back to; other system fonts are narrower, so estimates err on the side of room.
 */
const NARROW = new Set("iljI.,:;'!|‘’ ");
const WIDE = new Set('mwMW—');
const UPPER = /[A-Z]/;

export function estimateTextWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const ch of text) {
		if (NARROW.has(ch)) em += 0.3;
		else if (WIDE.has(ch)) em += 0.95;
		else if (UPPER.test(ch)) em += 0.72;
		else if (/[frt()\-]/.test(ch)) em += 0.4;
		else if (ch === '“' || ch === '”') em += 0.52;
		else em += 0.63;
	}
	return Math.ceil(em * fontSize * 1.04);
}

// ---------------------------------------------------------------------------------------------
// Eras

export interface EraDomain {
	from: Date;
	to: Date;
	/** 'day' and 'year': a single day or calendar year, drawn without ticks; 'span': several days. */
	kind: 'day' | 'year' | 'span';
	/** Number of events that start in it. */
	count: number;
}

/** Clusters the events' time spans into eras, breaking wherever the gap exceeds `breakAfterDays`. */
export function buildEras(spans: readonly { from: Date; to: Date }[], breakAfterDays: number): EraDomain[] {
	const sorted = [...spans].sort((a, b) => a.from.getTime() - b.from.getTime());
	const eras: EraDomain[] = [];
	for (const s of sorted) {
		const last = eras.at(-1);
		if (last && s.from.getTime() - last.to.getTime() <= breakAfterDays * DAY) {
			if (s.to > last.to) last.to = s.to;
			last.count += 1;
		} else eras.push({ from: s.from, to: s.to, kind: 'span', count: 1 });
	}
	for (const era of eras) {
		const days = Math.round((era.to.getTime() - era.from.getTime()) / DAY);
		const wholeYear =
			era.from.getUTCMonth() === 0 &&
			era.from.getUTCDate() === 1 &&
			utcYear.offset(era.from, 1).getTime() === era.to.getTime();
		era.kind = days <= 1 ? 'day' : wholeYear ? 'year' : 'span';
	}
	return eras;
}

/** Pixel widths for the eras: single days and years get a fixed width, the rest share what is left by event count. */
export function allocateEraWidths(eras: readonly EraDomain[], plotWidth: number, o: LayoutOptions): number[] {
	const breaks = Math.max(0, eras.length - 1) * o.breakWidth;
	const spans = eras.filter((e) => e.kind === 'span');
	if (spans.length === 0) {
		// Only single days or years: share the width equally (an embed of one day, say).
		return eras.map(() => (plotWidth - breaks) / Math.max(1, eras.length));
	}
	const fixed = (eras.length - spans.length) * o.pointEraWidth;
	const rest = plotWidth - breaks - fixed;
	const weight = spans.reduce((sum, e) => sum + e.count, 0);
	return eras.map((e) => (e.kind === 'span' ? (rest * e.count) / weight : o.pointEraWidth));
}

export interface Era extends EraDomain {
	x0: number;
	x1: number;
	/** "8–13 Jan 2022", "4 Apr 1949", "2014". */
	label: string;
}

export interface EraBreak {
	x0: number;
	x1: number;
	/** The time the break leaves out: "59 years", "3 weeks". */
	label: string;
}

function dateParts(d: Date, precision: PartialDate['precision']): PartialDate {
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), precision };
}

/**
 * The era's label in the band above the lanes: its year, or its months. The days are on the axis
 * below, so a single-day era says "1949" above and "4 Apr" below.
 */
export function eraLabel(era: EraDomain): string {
	const first = dateParts(era.from, 'month');
	const last = dateParts(new Date(era.to.getTime() - DAY), 'month');
	if (era.kind !== 'span' || era.to.getTime() - era.from.getTime() > 300 * DAY) {
		return first.year === last.year ? String(first.year) : `${first.year}–${last.year}`;
	}
	if (first.year !== last.year) return `${formatPartialShort(first)} – ${formatPartialShort(last)}`;
	if (first.month === last.month) return formatPartial(first);
	return `${formatPartial(first, false)} – ${formatPartial(last)}`;
}

/** "59 years", "7 years", "6 weeks", "3 weeks", "9 days". */
export function gapLabel(from: Date, to: Date): string {
	const days = (to.getTime() - from.getTime()) / DAY;
	if (days >= 365 * 1.5) return `${Math.round(days / 365.25)} years`;
	if (days >= 60) return `${Math.round(days / 30.44)} months`;
	if (days >= 14) return `${Math.round(days / 7)} weeks`;
	return `${Math.round(days)} days`;
}

/**
 * The broken time axis as one piecewise-linear d3 scale: each era maps its dates linearly onto its
 * own stretch of pixels, and the time between eras is squeezed into the break between them.
 */
export function eraScale(eras: readonly Era[]): ScaleTime<number, number> {
	return scaleUtc()
		.domain(eras.flatMap((e) => [e.from, e.to]))
		.range(eras.flatMap((e) => [e.x0, e.x1]));
}

// ---------------------------------------------------------------------------------------------
// Rows: labels never overlap

export interface Interval {
	start: number;
	end: number;
}

const overlaps = (a: Interval, b: Interval, gap: number) => a.start < b.end + gap && b.start < a.end + gap;

/**
 * First-fit row assignment: each interval, in the order given, goes into the lowest row where it
 * overlaps nothing already there (with `gap` to spare). Intervals in one row never overlap.
 */
export function assignRows(intervals: readonly Interval[], gap: number): number[] {
	return placeLabels(
		intervals.map((i) => [i]),
		gap,
	).map((p) => p.row);
}

/**
 * Like `assignRows`, but each item offers one or more alternative intervals (its label to the
 * right of its marker, or to the left), in order of preference. An item goes into the lowest row
 * where any alternative fits, taking the first that does. Returns the row and the alternative.
 */
export function placeLabels(options: readonly (readonly Interval[])[], gap: number): { row: number; choice: number }[] {
	const rows: Interval[][] = [];
	return options.map((alternatives) => {
		for (let row = 0; ; row++) {
			const taken = (rows[row] ??= []);
			const choice = alternatives.findIndex((alt) => !taken.some((t) => overlaps(alt, t, gap)));
			if (choice !== -1) {
				taken.push(alternatives[choice]!);
				return { row, choice };
			}
		}
	});
}

// ---------------------------------------------------------------------------------------------
// Ticks

export interface Tick {
	/** Stable key for joins: the tick's date. */
	key: string;
	x: number;
	label: string;
	/** Day boundaries get a faint gridline; labelled ticks sit in the middle of their day. */
	kind: 'label' | 'grid';
}

const dayLabel = (d: Date) => formatPartialShort(dateParts(d, 'day'), false);
const monthLabel = (d: Date) => formatPartialShort(dateParts(d, 'month'), false);

/** Ticks for one era drawn from x0 to x1: days, Mondays or months, whichever fits its width. */
export function eraTicks(era: EraDomain, x0: number, x1: number, minLabelGap = 46): Tick[] {
	if (era.kind === 'year') return [];
	if (era.kind === 'day')
		return [{ key: `t${era.from.toISOString()}`, x: (x0 + x1) / 2, label: dayLabel(era.from), kind: 'label' }];
	const scale = scaleUtc().domain([era.from, era.to]).range([x0, x1]);
	const pxPerDay = (x1 - x0) / ((era.to.getTime() - era.from.getTime()) / DAY);
	const ticks: Tick[] = [];
	const choose: [CountableTimeInterval, number, (d: Date) => string, boolean][] = [
		[utcDay, 1, dayLabel, true],
		[utcMonday, 7, dayLabel, false],
		[utcMonth, 30, monthLabel, false],
	];
	const [interval, , format, centred] = choose.find(([, days]) => pxPerDay * days >= minLabelGap) ?? choose[2]!;
	if (pxPerDay >= 16) {
		for (const d of utcDay.range(era.from, utcDay.offset(era.to, 1)))
			ticks.push({ key: `g${d.toISOString()}`, x: scale(d), label: '', kind: 'grid' });
	}
	for (const d of interval.range(era.from, era.to)) {
		const x = centred ? scale(new Date(d.getTime() + DAY / 2)) : scale(d);
		ticks.push({ key: `t${d.toISOString()}`, x, label: format(d), kind: 'label' });
	}
	return ticks;
}

/** Drops labelled ticks that would crowd the one before them or any fixed label (such as a break's). */
export function thinTicks(ticks: readonly Tick[], fixed: readonly Interval[], fontSize: number, gap = 6): Tick[] {
	const kept: Tick[] = [];
	let lastEnd = -Infinity;
	for (const t of [...ticks].sort((a, b) => a.x - b.x)) {
		if (t.kind !== 'label') {
			kept.push(t);
			continue;
		}
		const half = estimateTextWidth(t.label, fontSize) / 2;
		const span = { start: t.x - half, end: t.x + half };
		const clashes = fixed.some((f) => span.start < f.end + gap && span.end + gap > f.start);
		if (span.start >= lastEnd + gap && !clashes) {
			kept.push(t);
			lastEnd = span.end;
		}
	}
	return kept;
}

// ---------------------------------------------------------------------------------------------
// The whole chart

export type ItemKind = 'point' | 'span' | 'window' | 'reported';

export interface LaidOutEvent {
	id: string;
	track: TrackId;
	label: string;
	kind: ItemKind;
	scheduled: boolean;
	/** Marker centre. */
	x: number;
	/** End of a span or window bar; equal to x for points. */
	xEnd: number;
	/** Vertical centre of the event's row. */
	y: number;
	row: number;
	/** Which side of the marker the label sits on; fixed at the base zoom. */
	anchor: 'start' | 'end';
	labelWidth: number;
}

export interface Lane {
	track: TrackId;
	y0: number;
	y1: number;
	rows: number;
	/** The lane's name, wrapped to fit the left column. */
	name: string[];
}

/** Line height and font size of lane names. */
export const LANE_NAME = { fontSize: 12, lineHeight: 15, top: 18 } as const;

/** Splits text into lines no wider than `width`. */
export function wrapText(text: string, width: number, fontSize: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(' ')) {
		const last = lines.at(-1);
		if (last !== undefined && estimateTextWidth(`${last} ${word}`, fontSize) <= width)
			lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}

export interface Layout {
	width: number;
	height: number;
	plot: { x0: number; x1: number; y0: number; y1: number };
	axisY: number;
	overview: { y0: number; y1: number };
	eras: Era[];
	breaks: EraBreak[];
	lanes: Lane[];
	items: LaidOutEvent[];
	ticks: Tick[];
	fontSize: number;
	rowHeight: number;
}

function kindOf(e: EventData, span: { from: Date; to: Date }): ItemKind {
	if (e.when === 'reported') return 'reported';
	if (e.when === 'between') return 'window';
	const days = (span.to.getTime() - span.from.getTime()) / DAY;
	if (days <= 1) return 'point';
	// A year or month given without a day is a window the event falls somewhere in.
	return /^\d{4}(-\d{2})?$/.test(e.date) ? 'window' : 'span';
}

/** The interval an item's marker, bar and label cover, for row assignment. */
export function itemExtent(item: Pick<LaidOutEvent, 'x' | 'xEnd' | 'kind' | 'anchor' | 'labelWidth'>): Interval {
	const tail = item.kind === 'reported' ? TAIL : 0;
	if (item.anchor === 'start')
		return {
			start: item.x - MARKER_R - tail,
			end: Math.max(item.xEnd, item.x + MARKER_R + LABEL_GAP + item.labelWidth),
		};
	return {
		start: item.x - MARKER_R - LABEL_GAP - item.labelWidth - tail,
		end: Math.max(item.xEnd, item.x + MARKER_R),
	};
}

/** Where a label's text starts (anchor start) or ends (anchor end), relative to the marker. */
export const labelOffset = (anchor: 'start' | 'end', kind: ItemKind): number =>
	anchor === 'start' ? MARKER_R + LABEL_GAP : -(MARKER_R + LABEL_GAP + (kind === 'reported' ? TAIL : 0));

/**
 * Where an item's label goes in the current view, relative to its marker, and whether it shows.
 * A bar that starts left of the view carries its label along inside it (never past its end, so it
 * cannot meet a neighbour); a label cut by the edge of the view whose marker is out of view is
 * hidden rather than shown in pieces.
 */
export function labelPlacement(
	item: Pick<LaidOutEvent, 'x' | 'xEnd' | 'kind' | 'anchor' | 'labelWidth'>,
	plot: { x0: number; x1: number },
): { dx: number; visible: boolean } {
	let dx = labelOffset(item.anchor, item.kind);
	const left = () => (item.anchor === 'start' ? item.x + dx : item.x + dx - item.labelWidth);
	const inset = 4;
	if (item.anchor === 'start' && (item.kind === 'span' || item.kind === 'window') && left() < plot.x0 + inset) {
		const want = plot.x0 + inset - left();
		const room = item.xEnd - item.labelWidth - left();
		if (room >= want) dx += want;
	}
	const markerInView = item.x >= plot.x0 && item.x <= plot.x1;
	const whole = left() >= plot.x0 && left() + item.labelWidth <= plot.x1;
	return { dx, visible: markerInView || whole };
}

/** Lays out events at the base zoom: eras, lanes, rows, label sides, ticks. */
export function layoutTimeline(events: readonly EventData[], options: Partial<LayoutOptions> = {}): Layout {
	const o = { ...DEFAULT_OPTIONS, ...options };
	const sorted = [...events].filter((e) => o.tracks.includes(e.track)).sort(compareEvents);
	const spans = new Map(sorted.map((e) => [e.id, eventSpan(e)]));

	const plotX0 = o.laneLabelWidth;
	const plotX1 = o.width - o.marginRight;
	const domains = buildEras([...spans.values()], o.breakAfterDays);
	const widths = allocateEraWidths(domains, plotX1 - plotX0, o);
	let cursor = plotX0;
	const eras: Era[] = domains.map((d, i) => {
		const era = { ...d, x0: cursor, x1: cursor + (widths[i] ?? 0), label: eraLabel(d) };
		cursor = era.x1 + o.breakWidth;
		return era;
	});
	const breaks: EraBreak[] = eras.slice(1).map((e, i) => ({
		x0: eras[i]!.x1,
		x1: e.x0,
		label: gapLabel(eras[i]!.to, e.from),
	}));
	const x = eraScale(eras);

	// Horizontal geometry of every item, then rows lane by lane.
	const placed = sorted.map((e) => {
		const span = spans.get(e.id)!;
		const kind = kindOf(e, span);
		const mid = new Date((span.from.getTime() + span.to.getTime()) / 2);
		const cx = kind === 'point' || kind === 'reported' ? x(mid) : x(span.from) + MARKER_R;
		const xEnd = kind === 'point' || kind === 'reported' ? cx : Math.max(cx, x(span.to));
		const label = chartLabel(e);
		const labelWidth = estimateTextWidth(label, o.fontSize);
		const right = { x: cx, xEnd, kind, labelWidth, anchor: 'start' as const };
		const left = { ...right, anchor: 'end' as const };
		const inPlot = (i: Interval) => i.start >= plotX0 && i.end <= plotX1;
		// Right of the marker reads best; left when the right would run off the plot.
		const sides = [right, left].filter((side) => inPlot(itemExtent(side)));
		const choices = sides.length ? sides : [right];
		return { e, kind, x: cx, xEnd, label, labelWidth, choices };
	});

	const lanes: Lane[] = [];
	const items: LaidOutEvent[] = [];
	let y: number = BANDS.eraLabels;
	for (const track of TRACK_IDS.filter((t) => o.tracks.includes(t))) {
		const inLane = placed.filter((p) => p.e.track === track).sort((a, b) => a.x - b.x);
		const placement = placeLabels(
			inLane.map((p) => p.choices.map(itemExtent)),
			ROW_GAP,
		);
		const rows = placement.map((p) => p.row);
		const rowCount = Math.max(1, ...rows.map((r) => r + 1));
		const name = wrapText(TRACKS[track].label, o.laneLabelWidth - 32, LANE_NAME.fontSize);
		const height = Math.max(
			o.lanePadding * 2 + rowCount * o.rowHeight,
			LANE_NAME.top + (name.length - 1) * LANE_NAME.lineHeight + 10,
		);
		const lane: Lane = { track, y0: y, y1: y + height, rows: rowCount, name };
		inLane.forEach((p, i) => {
			const { row = 0, choice = 0 } = placement[i] ?? {};
			items.push({
				id: p.e.id,
				track,
				label: p.label,
				kind: p.kind,
				scheduled: p.e.status === 'scheduled',
				x: p.x,
				xEnd: p.xEnd,
				y: lane.y0 + o.lanePadding + (row + 0.5) * o.rowHeight,
				row,
				anchor: p.choices[choice]?.anchor ?? 'start',
				labelWidth: p.labelWidth,
			});
		});
		lanes.push(lane);
		y = lane.y1;
	}
	const order = new Map(sorted.map((e, i) => [e.id, i]));
	items.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));

	const plot = { x0: plotX0, x1: plotX1, y0: BANDS.eraLabels, y1: y };
	const axisY = y;
	const overview = {
		y0: axisY + BANDS.axis + BANDS.overviewGap,
		y1: axisY + BANDS.axis + BANDS.overviewGap + BANDS.overview,
	};
	const layout: Layout = {
		width: o.width,
		height: overview.y1 + 2,
		plot,
		axisY,
		overview,
		eras,
		breaks,
		lanes,
		items,
		ticks: [],
		fontSize: o.fontSize,
		rowHeight: o.rowHeight,
	};
	layout.ticks = ticksFor(layout);
	return layout;
}

function ticksFor(layout: Pick<Layout, 'eras' | 'plot' | 'fontSize'>): Tick[] {
	const { x0, x1 } = layout.plot;
	const all = layout.eras.flatMap((e) => eraTicks(e, e.x0, e.x1)).filter((t) => t.x >= x0 - 0.5 && t.x <= x1 + 0.5);
	return thinTicks(all, [], layout.fontSize - 1);
}

// ---------------------------------------------------------------------------------------------
// Zoom

/** A d3-zoom transform, horizontal part only: x' = k·x + x. */
export interface ZoomTransform {
	k: number;
	x: number;
}

export const IDENTITY: ZoomTransform = { k: 1, x: 0 };

/**
 * The layout under a zoom: every x is mapped by the transform (so labels keep their rows and sides,
 * and since k ≥ 1 only stretches the gaps between them, they still never overlap); ticks are
 * recomputed for the stretched eras.
 */
export function zoomLayout(base: Layout, t: ZoomTransform): Layout {
	if (t.k === 1 && t.x === 0) return base;
	const zx = (x: number) => t.k * x + t.x;
	const eras = base.eras.map((e) => ({ ...e, x0: zx(e.x0), x1: zx(e.x1) }));
	const breaks = base.breaks.map((b) => ({ ...b, x0: zx(b.x0), x1: zx(b.x1) }));
	const items = base.items.map((i) => ({ ...i, x: zx(i.x), xEnd: zx(i.xEnd) }));
	const zoomed = { ...base, eras, breaks, items };
	return { ...zoomed, ticks: ticksFor(zoomed) };
}

/** The transform that shows `x` (a base-layout position) at the centre of the plot, at scale k. */
export function centreOn(base: Layout, x: number, k: number): ZoomTransform {
	const { x0, x1 } = base.plot;
	return clampTransform(base, { k, x: (x0 + x1) / 2 - k * x });
}

/** Keeps the plot covered: no panning past the first or last era. */
export function clampTransform(base: Layout, t: ZoomTransform, maxK = 24): ZoomTransform {
	const k = Math.min(maxK, Math.max(1, t.k));
	const { x0, x1 } = base.plot;
	// k·x0 + tx ≤ x0 and k·x1 + tx ≥ x1
	const x = Math.min(x0 - k * x0, Math.max(x1 - k * x1, t.x));
	return { k, x };
}

/** The base-layout x range visible under a transform, for the overview's window. */
export function visibleRange(base: Layout, t: ZoomTransform): [number, number] {
	const { x0, x1 } = base.plot;
	return [(x0 - t.x) / t.k, (x1 - t.x) / t.k];
}
