/**
 * Draws a timeline layout into an `<svg>` with d3-selection data joins. It draws into whatever
 * document the element belongs to: a linkedom document at build time (so the chart is real SVG in
 * the HTML and shows without JavaScript) and the page itself when the chart zooms, where the same
 * joins, keyed by id, update the server-rendered elements in place.
 *
 * Colours, line styles and states (selected, hidden) are CSS classes, set elsewhere; this file
 * only writes geometry, text and accessible names.
 */
import { select } from 'd3-selection';
import { child, joinEvents, keyed, round } from './svg-join';
import {
	estimateTextWidth,
	LANE_NAME,
	itemExtent,
	labelPlacement,
	MARKER_R,
	TAIL,
	visibleRange,
	type Layout,
	type LaidOutEvent,
	type Lane,
	type ZoomTransform,
} from './timeline-layout';
import { shapePath, TRACKS } from './tracks';

export interface DrawOptions {
	/** Prefix for ids inside the SVG (the clip path), unique on the page. */
	uid: string;
	/** Accessible name of each event's link, by id. */
	names: Readonly<Record<string, string>>;
	/** Where each event's link points without JavaScript, by id. */
	hrefs: Readonly<Record<string, string>>;
	/** The layout at zoom 1, for the overview strip. Defaults to `layout`. */
	base?: Layout;
	/** The current zoom, for the overview's window. */
	transform?: ZoomTransform;
}

export function drawTimeline(svgNode: SVGSVGElement, layout: Layout, options: DrawOptions): void {
	const { uid, names, hrefs } = options;
	const base = options.base ?? layout;
	const { plot, axisY } = layout;
	const svg = select(svgNode as Element);
	const root = svgNode as Element;
	svg
		.attr('viewBox', `0 0 ${layout.width} ${round(layout.height)}`)
		.attr('width', layout.width)
		.attr('height', round(layout.height));

	const clipId = `${uid}-clip`;
	const defs = child(root, 'defs', 'tl-defs').node()!;
	const clip = child(defs, 'clipPath', 'tl-clip').attr('id', clipId).node()!;
	child(clip, 'rect', 'tl-clip-rect')
		.attr('x', plot.x0)
		.attr('y', 0)
		.attr('width', plot.x1 - plot.x0)
		.attr('height', round(layout.overview.y0));
	const clipped = (cls: string) =>
		child(root, 'g', cls)
			.attr('clip-path', `url(#${clipId})`)
			.attr('aria-hidden', cls === 'tl-events' ? null : 'true');

	// Lanes: a band per lane and era (so the breaks show as gaps), and the lane's name at the left.
	const bands = clipped('tl-bands');
	bands
		.selectAll('rect')
		.data(
			layout.lanes.flatMap((lane, li) => layout.eras.map((era, ei) => ({ lane, li, era, key: `${lane.track}:${ei}` }))),
			keyed((d: { key: string }) => d.key),
		)
		.join('rect')
		.attr('data-key', (d) => d.key)
		.attr('class', (d) => `tl-band tl-band-${d.li % 2 ? 'odd' : 'even'}`)
		.attr('data-track', (d) => d.lane.track)
		.attr('x', (d) => round(d.era.x0))
		.attr('y', (d) => d.lane.y0)
		.attr('width', (d) => round(Math.max(0, d.era.x1 - d.era.x0)))
		.attr('height', (d) => d.lane.y1 - d.lane.y0);

	const laneNames = child(root, 'g', 'tl-lane-names').attr('aria-hidden', 'true');
	laneNames
		.selectAll('g')
		.data(
			layout.lanes,
			keyed((d: Lane) => d.track),
		)
		.join((enter) => enter.append('g'))
		.attr('data-key', (d) => d.track)
		.attr('class', 'tl-lane-name')
		.attr('data-track', (d) => d.track)
		.attr('transform', (d) => `translate(0,${d.y0})`)
		.each(function (d) {
			// Lane names never change with the zoom: drawn once, at build time.
			const g = select(this as Element);
			if (!g.select('text').empty()) return;
			g.append('path')
				.attr('class', 'tl-marker')
				.attr('d', shapePath(TRACKS[d.track].shape, 11))
				.attr('transform', `translate(12,${LANE_NAME.top - 4})`);
			const text = g.append('text').attr('x', 24).attr('y', LANE_NAME.top);
			d.name.forEach((line, i) =>
				text
					.append('tspan')
					.attr('x', 24)
					.attr('dy', i ? LANE_NAME.lineHeight : 0)
					.text(i < d.name.length - 1 ? `${line} ` : line),
			);
		});

	// Day gridlines, era labels and the breaks between eras.
	clipped('tl-grid')
		.selectAll('line')
		.data(
			layout.ticks.filter((t) => t.kind === 'grid'),
			keyed((d: { key: string }) => d.key),
		)
		.join('line')
		.attr('data-key', (d) => d.key)
		.attr('x1', (d) => round(d.x))
		.attr('x2', (d) => round(d.x))
		.attr('y1', plot.y0)
		.attr('y2', axisY);

	const eras = child(root, 'g', 'tl-eras').attr('aria-hidden', 'true');
	eras
		.selectAll('text')
		.data(
			layout.eras,
			keyed((d: { from: Date }) => d.from.toISOString()),
		)
		.join('text')
		.attr('data-key', (d) => d.from.toISOString())
		.attr('class', 'tl-era-label')
		.each(function (d) {
			// Centred on the part of the era in view, and kept whole inside the plot.
			const half = estimateTextWidth(d.label, 12) / 2 + 2;
			const v0 = Math.max(d.x0, plot.x0);
			const v1 = Math.min(d.x1, plot.x1);
			const x = Math.min(plot.x1 - half, Math.max(plot.x0 + half, (v0 + v1) / 2));
			select(this as Element)
				.attr('x', round(x))
				.attr('visibility', v1 - v0 > 2 ? null : 'hidden');
		})
		.attr('y', 17)
		.attr('text-anchor', 'middle')
		.text((d) => d.label);

	const axis = clipped('tl-axis');
	axis
		.selectAll('line.tl-axis-line')
		.data(
			layout.eras,
			keyed((d: { from: Date }) => `a${d.from.toISOString()}`),
		)
		.join('line')
		.attr('data-key', (d) => `a${d.from.toISOString()}`)
		.attr('class', 'tl-axis-line')
		.attr('x1', (d) => round(d.x0))
		.attr('x2', (d) => round(d.x1))
		.attr('y1', axisY)
		.attr('y2', axisY);
	axis
		.selectAll('g.tl-break')
		.data(
			layout.breaks,
			keyed((d: { label: string; x0: number }) => `b${d.label}`),
		)
		.join((enter) => {
			const g = enter.append('g').attr('class', 'tl-break');
			g.append('line').attr('class', 'tl-break-line');
			g.append('path').attr('class', 'tl-break-mark');
			g.append('text').attr('class', 'tl-break-label').attr('text-anchor', 'middle');
			return g;
		})
		.attr('data-key', (d) => `b${d.label}`)
		.attr('transform', (d) => `translate(${round((d.x0 + d.x1) / 2)},0)`)
		.call((g) => {
			g.select('.tl-break-line').attr('y1', plot.y0).attr('y2', axisY).attr('x1', 0).attr('x2', 0);
			g.select('.tl-break-mark').attr('d', `M-7,${axisY + 5}l5,-10M2,${axisY + 5}l5,-10`);
			g.select('.tl-break-label')
				.attr('y', axisY + 34)
				.text((d) => d.label);
		});
	axis
		.selectAll('g.tl-tick')
		.data(
			layout.ticks.filter((t) => t.kind === 'label'),
			keyed((d: { key: string }) => d.key),
		)
		.join((enter) => {
			const g = enter.append('g').attr('class', 'tl-tick');
			g.append('line').attr('y1', 0).attr('y2', 4);
			g.append('text').attr('y', 17).attr('text-anchor', 'middle');
			return g;
		})
		.attr('data-key', (d) => d.key)
		.attr('transform', (d) => `translate(${round(d.x)},${axisY})`)
		.call((g) => g.select('text').text((d) => d.label));

	// The events: one link each, whose marker, bar and label move together.
	joinEvents(clipped('tl-events'), layout.items, {
		barTag: 'line',
		names,
		hrefs,
		fallbackName: (d: LaidOutEvent) => d.label,
		transform: (d) => `translate(${round(d.x)},${round(d.y)})`,
	}).each(function (d) {
		const a = select(this as Element);
		const extent = itemExtent(d);
		const h = layout.rowHeight;
		a.select('.tl-hit')
			.attr('x', round(extent.start - d.x - 3))
			.attr('y', -h / 2)
			.attr('width', round(extent.end - extent.start + 6))
			.attr('height', h)
			.attr('rx', 4);
		const bar = a.select('.tl-bar');
		if (d.kind === 'span' || d.kind === 'window')
			bar
				.attr('x1', -MARKER_R)
				.attr('x2', round(d.xEnd - d.x))
				.attr('y1', 9)
				.attr('y2', 9);
		else if (d.kind === 'reported')
			bar
				.attr('x1', -MARKER_R - TAIL)
				.attr('x2', -MARKER_R)
				.attr('y1', 0)
				.attr('y2', 0);
		else bar.attr('x1', 0).attr('x2', 0).attr('y1', 0).attr('y2', 0);
		a.select('.tl-marker').attr('d', shapePath(TRACKS[d.track].shape, 12));
		const place = labelPlacement(d, plot);
		a.select('.tl-label')
			.attr('x', round(place.dx))
			.attr('visibility', place.visible ? null : 'hidden')
			.attr('y', 0)
			.attr('dy', '0.35em')
			.attr('text-anchor', d.anchor)
			.text(d.label);
	});

	drawOverview(root, layout, base, options.transform ?? { k: 1, x: 0 });
}

/** The overview strip: the whole chart in miniature, with the window the zoomed view shows. */
function drawOverview(root: Element, layout: Layout, base: Layout, t: ZoomTransform): void {
	const { y0, y1 } = layout.overview;
	const g = child(root, 'g', 'tl-overview').attr('aria-hidden', 'true');
	// Catches presses anywhere on the strip, breaks included.
	child(g.node()!, 'rect', 'tl-overview-bg')
		.attr('x', base.plot.x0)
		.attr('y', y0 - 2)
		.attr('width', base.plot.x1 - base.plot.x0)
		.attr('height', y1 - y0 + 4);
	child(g.node()!, 'text', 'tl-overview-name')
		.attr('x', 10)
		.attr('y', (y0 + y1) / 2)
		.attr('dy', '0.35em')
		.text('Overview');
	g.selectAll('rect.tl-overview-era')
		.data(
			base.eras,
			keyed((d: { from: Date }) => `o${d.from.toISOString()}`),
		)
		.join('rect')
		.attr('data-key', (d) => `o${d.from.toISOString()}`)
		.attr('class', 'tl-overview-era')
		.attr('x', (d) => round(d.x0))
		.attr('y', y0)
		.attr('width', (d) => round(d.x1 - d.x0))
		.attr('height', y1 - y0);
	const lanes = base.lanes.map((l) => l.track);
	const step = (y1 - y0 - 6) / Math.max(1, lanes.length);
	g.selectAll('rect.tl-overview-mark')
		.data(
			base.items,
			keyed((d: LaidOutEvent) => `o${d.id}`),
		)
		.join('rect')
		.attr('data-key', (d) => `o${d.id}`)
		.attr('class', 'tl-overview-mark')
		.attr('data-track', (d) => d.track)
		.attr('x', (d) => round(d.x - 1.5))
		.attr('y', (d) => round(y0 + 3 + lanes.indexOf(d.track) * step))
		.attr('width', (d) => round(Math.max(3, d.xEnd - d.x)))
		.attr('height', round(Math.max(2, step - 1)));
	const [v0, v1] = visibleRange(base, t);
	child(g.node()!, 'rect', 'tl-overview-window')
		.attr('x', round(v0))
		.attr('y', y0 - 2)
		.attr('width', round(v1 - v0))
		.attr('height', y1 - y0 + 4)
		.attr('rx', 3);
}
