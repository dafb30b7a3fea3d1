/**
 * Draws a vertical timeline layout (timeline-vertical.ts) into an `<svg>` with d3-selection joins,
 * like timeline-svg.ts does for the wide chart: into a linkedom document at build time, and into
 * the page when a line opens, where the joins, keyed by id, move the build-time elements in place.
 * Colours and states are CSS classes; this file writes geometry, text and accessible names.
 */
import { select } from 'd3-selection';
import { child, joinEvents, keyed, round } from './svg-join';
import { V_TAIL, type VerticalLayout, type VRail, type VRow, type VText } from './timeline-vertical';
import { shapePath, TRACKS } from './tracks';

export interface VerticalDrawOptions {
	/** Prefix for ids inside the SVG (the period anchors), unique on the page. */
	uid: string;
	/** Accessible name of each event's link, by id. */
	names: Readonly<Record<string, string>>;
	/** Where each event's link points without JavaScript, by id. */
	hrefs: Readonly<Record<string, string>>;
}

/** Id of the place in the chart where a period begins: what the jump bar links to. */
export const periodAnchorId = (uid: string, period: string): string => `${uid}-at-${period}`;

export function drawVertical(svgNode: SVGSVGElement, layout: VerticalLayout, options: VerticalDrawOptions): void {
	const { uid, names, hrefs } = options;
	const root = svgNode as Element;
	select(root)
		.attr('viewBox', `0 0 ${layout.width} ${round(layout.height)}`)
		.attr('width', layout.width)
		.attr('height', round(layout.height));

	// The rail: solid through days with events, dotted through time left out.
	child(root, 'g', 'tl-v-rail')
		.attr('aria-hidden', 'true')
		.selectAll('line')
		.data(
			layout.rail,
			keyed((d: VRail) => d.key),
		)
		.join('line')
		.attr('data-key', (d) => d.key)
		.attr('class', (d) => `tl-v-line tl-v-${d.style}`)
		.attr('x1', layout.railX)
		.attr('x2', layout.railX)
		.attr('y1', (d) => round(d.y0))
		.attr('y2', (d) => round(d.y1));

	// Where each period starts, for the jump bar: a target the browser can scroll to.
	child(root, 'g', 'tl-v-anchors')
		.attr('aria-hidden', 'true')
		.selectAll('rect')
		.data(
			layout.anchors,
			keyed((d: { period: string }) => d.period),
		)
		.join('rect')
		.attr('data-key', (d) => d.period)
		.attr('id', (d) => periodAnchorId(uid, d.period))
		.attr('class', 'tl-v-anchor')
		.attr('x', 0)
		.attr('y', (d) => round(d.y))
		.attr('width', layout.width)
		.attr('height', 1);

	child(root, 'g', 'tl-v-texts')
		.attr('aria-hidden', 'true')
		.selectAll('text')
		.data(
			layout.texts,
			keyed((d: VText) => d.key),
		)
		.join('text')
		.attr('data-key', (d) => d.key)
		.attr('class', (d) => `tl-v-${d.kind}`)
		.attr('x', (d) => round(d.x))
		.attr('y', (d) => round(d.y))
		.attr('dy', '0.35em')
		.attr('text-anchor', (d) => d.anchor)
		.text((d) => d.text);

	// The events: one link each, a whole line tall and wide, so it is easy to tap.
	const { railX, labelX, lineHeight } = layout;
	joinEvents(child(root, 'g', 'tl-v-events'), layout.rows, {
		barTag: 'path',
		names,
		hrefs,
		fallbackName: (d: VRow) => d.lines.join(' '),
		transform: (d) => `translate(0,${round(d.y)})`,
	}).each(function (d) {
		const a = select(this as Element);
		a.select('.tl-hit')
			.attr('x', railX - 10)
			.attr('y', round(d.y0 - d.y))
			.attr('width', layout.width - railX + 10)
			.attr('height', round(d.y1 - d.y0))
			.attr('rx', 4);
		// A span or window: from the marker across to its column, then down to its last day.
		// Known only from a later report: a dotted lead-in from above.
		const bar =
			d.barX !== undefined && d.barEnd !== undefined
				? `M${railX + 6},0H${round(d.barX)}V${round(d.barEnd - d.y)}`
				: d.kind === 'reported'
					? `M${railX},${-6 - V_TAIL}V-6`
					: null;
		a.select('.tl-bar').attr('d', bar);
		a.select('.tl-marker').attr('d', shapePath(TRACKS[d.track].shape, 12)).attr('transform', `translate(${railX},0)`);
		const text = a.select('.tl-label').attr('x', round(labelX)).attr('y', 0);
		// Drawn afresh: one tspan a line, with a space between them as a text node of its own, so the
		// label's text reads as its words ("Stoltenberg condemns invasion", not "condemnsinvasion") to
		// anything that reads the text, as axe's label-in-name check (WCAG 2.5.3) does.
		text.selectAll('*').remove();
		text.text('');
		d.lines.forEach((line, i) => {
			if (i) (text.node() as Element).append(' ');
			text
				.append('tspan')
				.attr('x', round(labelX))
				.attr('dy', i === 0 ? `${round(0.35 * layout.fontSize - ((d.lines.length - 1) * lineHeight) / 2)}` : lineHeight)
				.text(line);
		});
	});
}
