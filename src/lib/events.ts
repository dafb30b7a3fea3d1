/**
 * Timeline events as data: their dates as instants, how to say them in prose, their order, and
 * the named periods that embeds filter by. Pure: used at build time and in the browser.
 */
import { endOf, formatPartial, formatRange, parsePartialDate, startOf, type PartialDate } from './dates';
import { TRACK_IDS, type TrackId } from './tracks';

/** What the timeline needs of an event (the shape of the events collection's data). */
export interface EventData {
	id: string;
	date: string;
	end?: string | undefined;
	when: 'on' | 'between' | 'reported';
	approximate: boolean;
	title: string;
	label?: string | undefined;
	track: TrackId;
	status: 'happened' | 'scheduled';
}

function partial(text: string): PartialDate {
	const d = parsePartialDate(text);
	if ('error' in d) throw new Error(d.error); // the schema has rejected it already
	return d;
}

/** The stretch of time an event occupies: [from, to), in UTC. */
export function eventSpan(e: Pick<EventData, 'date' | 'end'>): { from: Date; to: Date } {
	const start = partial(e.date);
	return { from: startOf(start), to: endOf(e.end ? partial(e.end) : start) };
}

/** The date as a reader should see it: "10 January 2022", "11–12 January 2022", "Between …", "Reported …". */
export function describeDate(e: Pick<EventData, 'date' | 'end' | 'when' | 'approximate'>): string {
	const start = partial(e.date);
	const about = e.approximate ? 'about ' : '';
	if (e.when === 'reported') return `Reported ${about}${formatPartial(start)}`;
	if (e.when === 'between' && e.end) {
		const end = partial(e.end);
		const same = start.year === end.year;
		return `Between ${about}${formatPartial(start, !same)} and ${formatPartial(end)}`;
	}
	const text = e.end ? formatRange(start, partial(e.end)) : formatPartial(start);
	return e.approximate ? `About ${text}` : text;
}

/**
 * Oldest first. On the same start day, events of that day come before windows that merely begin
 * there, shorter before longer; then by lane and id, so the order is stable.
 */
export function compareEvents(a: EventData, b: EventData): number {
	const sa = eventSpan(a);
	const sb = eventSpan(b);
	return (
		sa.from.getTime() - sb.from.getTime() ||
		Number(a.when === 'between') - Number(b.when === 'between') ||
		sa.to.getTime() - sb.to.getTime() ||
		TRACK_IDS.indexOf(a.track) - TRACK_IDS.indexOf(b.track) ||
		a.id.localeCompare(b.id)
	);
}

/** The label on the chart. */
export const chartLabel = (e: Pick<EventData, 'label' | 'title'>): string => e.label ?? e.title;

/**
 * Named stretches of the story, for embeds and for the list's sections. `short` names the period in
 * the bar that jumps between periods on phones, three side by side on one line in 320 px; it names
 * the months the sources cover, not the period's formal end.
 */
export const PERIODS = {
	background: { label: 'Background, 1949–2021', short: '1949–2021', from: '1900-01-01', to: '2021-12-31' },
	'january-talks': { label: 'The January 2022 talks', short: 'Jan 2022', from: '2022-01-01', to: '2022-02-23' },
	'invasion-and-talks': {
		label: 'The invasion and the talks that followed',
		short: 'Feb–Mar 2022',
		from: '2022-02-24',
		to: '2022-12-31',
	},
} as const;

export type PeriodId = keyof typeof PERIODS;
export const PERIOD_IDS = Object.keys(PERIODS) as [PeriodId, ...PeriodId[]];

/** A period: one of PERIODS by id, or a custom stretch with ISO dates (inclusive). */
export type PeriodSpec = PeriodId | { from: string; to: string; label?: string };

export function resolvePeriod(spec: PeriodSpec): { from: Date; to: Date; label: string } {
	const p = typeof spec === 'string' ? PERIODS[spec] : spec;
	if (!p)
		throw new Error(`unknown period ${JSON.stringify(spec)}: use one of ${PERIOD_IDS.join(', ')} or { from, to }`);
	const from = parsePartialDate(p.from);
	const to = parsePartialDate(p.to);
	if ('error' in from || 'error' in to) throw new Error(`period ${JSON.stringify(p)}: from and to must be ISO dates`);
	return { from: startOf(from), to: endOf(to), label: p.label ?? formatRange(from, to) };
}

/** Events that start within a period. */
export function inPeriod<E extends EventData>(events: readonly E[], spec: PeriodSpec): E[] {
	const { from, to } = resolvePeriod(spec);
	return events.filter((e) => {
		const t = eventSpan(e).from;
		return t >= from && t < to;
	});
}

/** The named period an event starts in. */
export function periodOf(e: EventData): PeriodId {
	return PERIOD_IDS.find((id) => inPeriod([e], id).length > 0) ?? 'invasion-and-talks';
}

/**
 * The list's date groups: events on the same day (or month, or year) together, in order. An event
 * known only to fall within a window gets a group of its own, headed by the window, so that it is
 * never filed under a day it may not belong to.
 */
export function groupByDate<E extends EventData>(
	events: readonly E[],
): { key: string; heading: string; events: E[] }[] {
	const groups: { key: string; heading: string; events: E[] }[] = [];
	for (const e of [...events].sort(compareEvents)) {
		const key = e.when === 'between' ? `${e.date}/${e.end}` : e.date;
		const heading =
			e.when === 'between'
				? describeDate({ ...e, when: 'between', approximate: false })
				: formatPartial(partial(e.date));
		const last = groups.at(-1);
		if (last?.key === key) last.events.push(e);
		else groups.push({ key, heading, events: [e] });
	}
	return groups;
}
