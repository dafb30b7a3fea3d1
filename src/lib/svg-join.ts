/**
 * Small helpers shared by the timeline's two drawings (timeline-svg.ts, timeline-svg-vertical.ts):
 * keyed d3-selection joins that also adopt elements drawn at build time, rounding, and the join of
 * the events' links that both charts draw.
 */
import { select, type BaseType, type Selection } from 'd3-selection';
import type { ItemKind } from './timeline-layout';
import type { TrackId } from './tracks';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** One decimal: enough for a crisp line, short in the HTML. */
export const round = (n: number): number => Math.round(n * 10) / 10;

/** Data-join key: the datum's key, or for server-rendered elements (no datum yet) their data-key. */
export function keyed<D>(keyOf: (d: D) => string) {
	return function (this: BaseType, d: unknown): string {
		return d === undefined ? ((this as Element).getAttribute('data-key') ?? '') : keyOf(d as D);
	};
}

/** The one child element of `parent` with class `cls`, created (as `tag`) if missing. */
export function child(parent: Element, tag: string, cls: string) {
	const found = Array.from(parent.children).find((c) => c.getAttribute('class') === cls);
	const node = found ?? parent.appendChild(parent.ownerDocument.createElementNS(SVG_NS, tag));
	return select(node).attr('class', cls);
}

/** What both charts know about an event when they draw its link. */
export interface EventMark {
	id: string;
	track: TrackId;
	kind: ItemKind;
	scheduled: boolean;
}

export interface EventJoinOptions<D extends EventMark> {
	/** The bar's element: a `line` in the wide chart, a `path` (it turns a corner) in the vertical one. */
	barTag: 'line' | 'path';
	/** Accessible name of each event's link, by id. */
	names: Readonly<Record<string, string>>;
	/** Where each event's link points without JavaScript, by id. */
	hrefs: Readonly<Record<string, string>>;
	/** The accessible name when `names` has none for the event. */
	fallbackName: (d: D) => string;
	/** Where the event's group sits: its marker is drawn at the group's origin. */
	transform: (d: D) => string;
}

/**
 * The events' links, one `<a class="tl-event">` each (hit area, bar, marker, label), joined by id
 * under `parent`, with the attributes both charts give them: data attributes for CSS and the
 * scripts, the no-JavaScript href, the accessible name, the position and the marker's shape.
 * Each chart then sizes the hit area, the bar and the label its own way.
 */
export function joinEvents<D extends EventMark>(
	parent: Selection<Element, unknown, null, undefined>,
	rows: readonly D[],
	options: EventJoinOptions<D>,
) {
	const { barTag, names, hrefs, fallbackName, transform } = options;
	const links = parent
		.selectAll('a.tl-event')
		.data(
			rows,
			keyed((d: D) => d.id),
		)
		.join((enter) => {
			const a = enter.append('a').classed('tl-event', true);
			a.append('rect').attr('class', 'tl-hit');
			a.append(barTag).attr('class', 'tl-bar');
			a.append('path').attr('class', 'tl-marker');
			a.append('text').attr('class', 'tl-label');
			return a;
		})
		.attr('data-key', (d) => d.id)
		.attr('data-id', (d) => d.id)
		.attr('data-track', (d) => d.track)
		.attr('data-kind', (d) => d.kind)
		.attr('data-status', (d) => (d.scheduled ? 'scheduled' : 'happened'))
		.attr('href', (d) => hrefs[d.id] ?? `#${d.id}`)
		.attr('aria-label', (d) => names[d.id] ?? fallbackName(d))
		.attr('transform', transform);
	return links;
}
