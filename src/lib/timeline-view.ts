/**
 * What the timeline components show for each event, worked out once at build time: accessible
 * names, links, sources grouped by article, heading levels. Pure.
 */
import { citationHref, type CitationRef, type ParagraphIndex } from './citations';
import { chartLabel, describeDate, type EventData } from './events';
import { TRACK_IDS, TRACKS, type TrackId } from './tracks';

/** Where the full timeline lives; an event's permalink is this plus `#<event id>`. */
export const TIMELINE_PATH = '/timeline/';

export const permalink = (id: string): string => `${TIMELINE_PATH}#${id}`;

/** An event as the list and details panel show it. */
export interface EventDetails extends EventData {
	summary: string;
	dateBasis?: string | undefined;
	disagreement?: { text: string } | undefined;
	context?: { text: string; reference: { title: string; date: string } } | undefined;
}

export interface SourceGroup {
	article: string;
	title: string;
	paragraphs: { p: string; n: number; href: string }[];
}

/** Citations grouped by article, in the order first cited, paragraphs in order. */
export function groupSources(refs: readonly CitationRef[], index: ParagraphIndex): SourceGroup[] {
	const groups = new Map<string, SourceGroup>();
	for (const ref of refs) {
		const group = groups.get(ref.article) ?? {
			article: ref.article,
			title: index.get(ref.article)?.title ?? ref.article,
			paragraphs: [],
		};
		if (!group.paragraphs.some((p) => p.p === ref.p))
			group.paragraphs.push({ p: ref.p, n: Number(ref.p.slice(1)), href: citationHref(ref) });
		groups.set(ref.article, group);
	}
	for (const g of groups.values()) g.paragraphs.sort((a, b) => a.n - b.n);
	return [...groups.values()];
}

/**
 * The accessible name of an event's link on the chart. It starts with the visible label (so
 * speech input can use what is on screen), then says what, when, which lane, and whether it was
 * only scheduled.
 */
export function accessibleName(e: EventData): string {
	const label = chartLabel(e);
	const title = e.title === label ? '' : `: ${e.title}`;
	const status = e.status === 'scheduled' ? '. Scheduled' : '';
	return `${label}${title}. ${describeDate(e)}. ${TRACKS[e.track].label}${status}`;
}

/** Lanes for a set of events: the requested tracks (all by default) that have events, in TRACKS order. */
export function lanesFor(events: readonly EventData[], tracks: readonly TrackId[] = TRACK_IDS): TrackId[] {
	return TRACK_IDS.filter((t) => tracks.includes(t) && events.some((e) => e.track === t));
}

/** Heading level `depth` steps below `level`, never below h6. */
export const headingBelow = (level: number, depth: number): 2 | 3 | 4 | 5 | 6 =>
	Math.min(6, Math.max(2, level + depth)) as 2 | 3 | 4 | 5 | 6;
