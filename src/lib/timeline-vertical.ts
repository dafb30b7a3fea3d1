/**
 * Geometry of the vertical timeline, the chart phones and narrow windows get: time runs down a
 * date rail, each event is one line (its track's marker on the rail, its label beside it), and a
 * tapped line opens its details below it. Pure, like timeline-layout.ts: the same code lays the
 * chart out at build time and again in the browser when a line opens.
 *
 * The rail is a broken axis, like the wide chart's: the same eras, and the same labelled breaks
 * between them ("59 years"). Within an era, each day (or month, or year) that has events gets one
 * row per event, and days with none between two that have are squeezed into a short dotted gap;
 * the date of each day stands in the column left of the rail, so the spacing never has to be read
 * as time. Spans and windows are bars beside the rail, from their first day to their last.
 */
import { scaleUtc } from 'd3-scale';
import { formatPartialShort, parsePartialDate, startOf, endOf, type PartialDate } from './dates';
import { compareEvents, eventSpan, periodOf, type EventData, type PeriodId } from './events';
import {
	assignRows,
	buildEras,
	eraLabel,
	estimateTextWidth,
	gapLabel,
	wrapText,
	type ItemKind,
} from './timeline-layout';
import { TRACK_IDS, type TrackId } from './tracks';

export interface VerticalOptions {
	/** Width of the chart, in SVG units (CSS pixels at its natural size). */
	width: number;
	/** Height of one event's line: also its tap target, so at least 44. */
	rowHeight: number;
	/** Space between the date column (as wide as its widest date) and the rail, where the markers sit. */
	railGap: number;
	/** Distance between the bars of spans that run side by side. */
	barGap: number;
	/** Font size and line height of the event labels. */
	fontSize: number;
	lineHeight: number;
	/** Font size of dates, era names and breaks. */
	smallFontSize: number;
	/** Band above each era holding its name. */
	eraHeight: number;
	/** Band between two eras holding the time left out ("59 years"). */
	breakHeight: number;
	/** Dotted stretch of rail standing for days without events inside an era. */
	gapHeight: number;
	/** Lanes to draw; events of other tracks are left out. */
	tracks: readonly TrackId[];
}

export const VERTICAL_DEFAULTS: VerticalOptions = {
	width: 320,
	rowHeight: 44,
	railGap: 12,
	barGap: 7,
	fontSize: 14,
	lineHeight: 17,
	smallFontSize: 12,
	eraHeight: 34,
	breakHeight: 30,
	gapHeight: 14,
	tracks: TRACK_IDS,
};

/** Bold text runs about a tenth wider than the estimate, which is for regular weight. */
const BOLD = 1.1;
/** Marker radius, and the room between the rail's bars and the labels. */
const MARKER_R = 6;
const LABEL_PAD = 8;
/** Length of the dotted lead-in above an event known only from a later report. */
export const V_TAIL = 13;

export interface VRow {
	id: string;
	track: TrackId;
	kind: ItemKind;
	scheduled: boolean;
	/** The row's band and its vertical centre (the marker). */
	y0: number;
	y1: number;
	y: number;
	/** The label, wrapped to the room there is: one line, two for the longest labels. */
	lines: string[];
	/** Widest line, estimated. */
	labelWidth: number;
	/** Spans and windows: x of the bar, and where it ends (the end of their last day). */
	barX?: number | undefined;
	barEnd?: number | undefined;
}

/** A piece of text other than an event's label: a date, an era's name, a break's length. */
export interface VText {
	key: string;
	kind: 'date' | 'era' | 'break';
	text: string;
	/** Anchor point: baseline-centred at y, starting (or, for dates, ending) at x. */
	x: number;
	y: number;
	anchor: 'start' | 'end';
	width: number;
}

/** A stretch of the rail: solid through days with events, dotted through time left out. */
export interface VRail {
	key: string;
	y0: number;
	y1: number;
	style: 'solid' | 'dotted';
}

export interface VerticalLayout {
	width: number;
	height: number;
	railX: number;
	labelX: number;
	rowHeight: number;
	fontSize: number;
	lineHeight: number;
	smallFontSize: number;
	rows: VRow[];
	texts: VText[];
	rail: VRail[];
	/** Where each period begins, for the jump bar's links. */
	anchors: { period: PeriodId; y: number }[];
	/** The open event, if any, and the room made for its details below its line. */
	open?: { id: string; y0: number; y1: number } | undefined;
}

function partial(text: string): PartialDate {
	const d = parsePartialDate(text);
	if ('error' in d) throw new Error(d.error);
	return d;
}

function kindOf(e: EventData): ItemKind {
	if (e.when === 'reported') return 'reported';
	if (e.when === 'between') return 'window';
	const { from, to } = eventSpan(e);
	if (to.getTime() - from.getTime() <= 86_400_000) return 'point';
	return /^\d{4}(-\d{2})?$/.test(e.date) ? 'window' : 'span';
}

/** Lays the events out down the rail. */
export function layoutVertical(events: readonly EventData[], options: Partial<VerticalOptions> = {}): VerticalLayout {
	const o = { ...VERTICAL_DEFAULTS, ...options };
	const sorted = [...events].filter((e) => o.tracks.includes(e.track)).sort(compareEvents);
	const spans = sorted.map((e) => eventSpan(e));
	const eras = buildEras(spans, 14);

	// Days (or months, or years) with events, in order: an event's slot is its first date.
	const slots: { key: string; from: Date; to: Date; date: PartialDate; events: EventData[] }[] = [];
	for (const e of sorted) {
		const last = slots.at(-1);
		if (last?.key === e.date) last.events.push(e);
		else {
			const date = partial(e.date);
			slots.push({ key: e.date, from: startOf(date), to: endOf(date), date, events: [e] });
		}
	}

	// The date column is as wide as its widest date; the rail runs beside it.
	const small = o.smallFontSize;
	const dateText = (slot: (typeof slots)[number]) => formatPartialShort(slot.date, false);
	const dateWidth = (text: string) => Math.ceil(estimateTextWidth(text, small) * BOLD);
	const dateX = Math.max(24, ...slots.map((s) => dateWidth(dateText(s)))) + 2;
	const railX = dateX + o.railGap;

	// Bars: which events have one, and side by side in as few columns as will keep them apart.
	const kinds = new Map(sorted.map((e) => [e.id, kindOf(e)]));
	const barred = sorted.filter((e) => ['span', 'window'].includes(kinds.get(e.id)!));
	const columns = assignRows(
		barred.map((e) => {
			const s = eventSpan(e);
			return { start: s.from.getTime(), end: s.to.getTime() };
		}),
		1,
	);
	const column = new Map(barred.map((e, i) => [e.id, columns[i] ?? 0]));
	const barCols = barred.length ? Math.max(...columns) + 1 : 0;
	const barX = (col: number) => railX + MARKER_R + 5 + col * o.barGap;
	const labelX = barCols ? barX(barCols - 1) + LABEL_PAD : railX + MARKER_R + LABEL_PAD;
	const labelRoom = o.width - labelX - 2;

	const rows: VRow[] = [];
	const texts: VText[] = [];
	const rail: VRail[] = [];
	const anchors: { period: PeriodId; y: number }[] = [];
	// Time → y, piece by piece: each slot's day maps onto its rows, each gap onto its band.
	const domain: Date[] = [];
	const range: number[] = [];
	const mark = (t: Date, y: number) => {
		if (domain.length && domain.at(-1)!.getTime() === t.getTime()) return;
		domain.push(t);
		range.push(y);
	};
	let y = 4;
	eras.forEach((era, ei) => {
		const inEra = slots.filter((s) => s.from >= era.from && s.from < era.to);
		if (ei > 0) {
			const prev = eras[ei - 1]!;
			const label = gapLabel(prev.to, era.from);
			rail.push({ key: `b${ei}`, y0: y, y1: y + o.breakHeight, style: 'dotted' });
			texts.push({
				key: `b${ei}`,
				kind: 'break',
				text: label,
				x: railX + MARKER_R + 5,
				y: y + o.breakHeight / 2,
				anchor: 'start',
				width: estimateTextWidth(label, small),
			});
			y += o.breakHeight;
		}
		const period = inEra[0]?.events[0] ? periodOf(inEra[0].events[0]) : undefined;
		if (period && !anchors.some((a) => a.period === period)) anchors.push({ period, y });
		const name = eraLabel(era);
		texts.push({
			key: `e${era.from.toISOString()}`,
			kind: 'era',
			text: name,
			x: 0,
			y: y + o.eraHeight / 2 + 2,
			anchor: 'start',
			width: Math.ceil(estimateTextWidth(name, small + 1) * BOLD),
		});
		y += o.eraHeight;
		let run = y;
		const solid = (key: string) => y > run && rail.push({ key, y0: run, y1: y, style: 'solid' });
		inEra.forEach((slot, si) => {
			const prev = inEra[si - 1];
			if (prev && slot.from > prev.to) {
				mark(prev.to, y);
				solid(`s${prev.key}`);
				rail.push({ key: `g${slot.key}`, y0: y, y1: y + o.gapHeight, style: 'dotted' });
				y += o.gapHeight;
				run = y;
			}
			mark(slot.from, y);
			const text = dateText(slot);
			for (const e of slot.events) {
				const lines = wrapText(e.label ?? e.title, labelRoom, o.fontSize);
				const height = Math.max(o.rowHeight, lines.length * o.lineHeight + 10);
				const kind = kinds.get(e.id)!;
				const col = column.get(e.id);
				rows.push({
					id: e.id,
					track: e.track,
					kind,
					scheduled: e.status === 'scheduled',
					y0: y,
					y1: y + height,
					y: y + height / 2,
					lines,
					labelWidth: Math.max(...lines.map((l) => estimateTextWidth(l, o.fontSize))),
					barX: col === undefined ? undefined : barX(col),
				});
				if (e === slot.events[0])
					texts.push({
						key: `d${slot.key}`,
						kind: 'date',
						text,
						x: dateX,
						y: y + height / 2,
						anchor: 'end',
						width: dateWidth(text),
					});
				y += height;
			}
			mark(slot.to, y);
		});
		// A span may run past the era's last day with events: give the rest of the era a short stretch.
		const last = inEra.at(-1);
		solid(`s${last?.key ?? ei}`);
		if (last && era.to > last.to) {
			rail.push({ key: `t${last.key}`, y0: y, y1: y + o.gapHeight, style: 'dotted' });
			y += o.gapHeight;
			mark(era.to, y);
		}
	});

	const toY = scaleUtc().domain(domain).range(range);
	for (const row of rows) {
		if (row.barX === undefined) continue;
		const end = toY(eventSpan(sorted.find((e) => e.id === row.id)!).to);
		// A span that ends within its own line (a year or a month with nothing else in it) needs no
		// bar: the date beside it already says it.
		if (end > row.y1 + 1) row.barEnd = end;
		else row.barX = undefined;
	}

	return {
		width: o.width,
		height: y + 4,
		railX,
		labelX,
		rowHeight: o.rowHeight,
		fontSize: o.fontSize,
		lineHeight: o.lineHeight,
		smallFontSize: small,
		rows,
		texts,
		rail,
		anchors,
	};
}

/**
 * The layout with room of `height` opened below event `id`'s line for its details: everything
 * below moves down, and the rail and any bar passing the line stretch across the room.
 */
export function openVertical(base: VerticalLayout, id: string, height: number): VerticalLayout {
	const row = base.rows.find((r) => r.id === id);
	if (!row || height <= 0) return base;
	const cut = row.y1;
	const down = (v: number) => (v >= cut ? v + height : v);
	return {
		...base,
		height: base.height + height,
		rows: base.rows.map((r) => ({
			...r,
			y0: down(r.y0),
			y1: r === row ? r.y1 : down(r.y1),
			y: down(r.y),
			barEnd: r.barEnd === undefined ? undefined : r.barEnd > cut ? r.barEnd + height : r.barEnd,
		})),
		texts: base.texts.map((t) => ({ ...t, y: down(t.y) })),
		rail: base.rail.map((s) => ({ ...s, y0: down(s.y0), y1: s.y1 > cut ? s.y1 + height : s.y1 })),
		anchors: base.anchors.map((a) => ({ ...a, y: down(a.y) })),
		open: { id, y0: cut, y1: cut + height },
	};
}

export interface Box {
	key: string;
	x0: number;
	x1: number;
	y0: number;
	y1: number;
}

/** The box each piece of text takes, for checks: labels line by line, dates, era names, breaks. */
export function textBoxes(layout: VerticalLayout): Box[] {
	const boxes: Box[] = [];
	const half = (size: number) => size * 0.6;
	for (const row of layout.rows) {
		const top = row.y - ((row.lines.length - 1) * layout.lineHeight) / 2;
		row.lines.forEach((line, i) => {
			const cy = top + i * layout.lineHeight;
			boxes.push({
				key: `${row.id}:${i}`,
				x0: layout.labelX,
				x1: layout.labelX + estimateTextWidth(line, layout.fontSize),
				y0: cy - half(layout.fontSize),
				y1: cy + half(layout.fontSize),
			});
		});
	}
	for (const t of layout.texts) {
		const x0 = t.anchor === 'start' ? t.x : t.x - t.width;
		boxes.push({
			key: t.key,
			x0,
			x1: x0 + t.width,
			y0: t.y - half(layout.smallFontSize),
			y1: t.y + half(layout.smallFontSize),
		});
	}
	return boxes;
}

/** Pairs of boxes that overlap. */
export function overlaps(boxes: readonly Box[]): string[] {
	const found: string[] = [];
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i]!;
			const b = boxes[j]!;
			if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) found.push(`${a.key} × ${b.key}`);
		}
	return found;
}
