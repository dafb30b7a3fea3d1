/**
 * Small helpers shared by the timeline's two drawings (timeline-svg.ts, timeline-svg-vertical.ts):
 * keyed d3-selection joins that also adopt elements drawn at build time, and rounding.
 */
import { select, type BaseType } from 'd3-selection';

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
