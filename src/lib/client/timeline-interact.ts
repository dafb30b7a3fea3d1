/**
 * The timeline's interactive layer, loaded by <event-timeline> when the timeline comes near the
 * viewport. It is small and needs no D3: selecting an event and showing its details (below the
 * wide chart, or opened under its line on the vertical one), keyboard movement, track filters,
 * the skip link and permalinks. The heavy parts load on demand: zoom and pan (timeline-zoom.ts)
 * when a reader reaches for them, and the vertical chart's re-layout (timeline-vertical-client.ts)
 * when a line first opens.
 *
 * Focus never goes out of sight: Tab or the skip link land on the selected event or the first one
 * in view, arrow keys scroll the page (and pan the chart) to keep the focused event visible, and
 * Escape gives focus back to the event, in view.
 */
import type { EventData } from '../events';
import { idFromHash } from '../hash';
import { isNavKey, navigate, navigateVertical } from '../timeline-nav';
import { TRACKS, type TrackId } from '../tracks';
import { announce } from './announce';
import { rovingToolbar } from './roving-toolbar';
import { detailsContent } from './timeline-details';
import type { VerticalApi } from './timeline-vertical-client';
import type { ZoomApi } from './timeline-zoom';

/** The chart's data island, written by TimelineChart.astro. */
export interface TimelineData {
	uid: string;
	detailsLevel: number;
	/** False in a compact embed: events are plain links to the full timeline. */
	details: boolean;
	tracks: TrackId[];
	names: Record<string, string>;
	hrefs: Record<string, string>;
	/** In time order, with the x of each marker on the wide chart at rest. */
	events: (EventData & { x: number })[];
}

export interface TimelineApi {
	/** Puts focus on the selected event, or the first one in view: where the skip link lands. */
	focusEntry(): void;
}

/** Zoom at which a permalink shows its event; at least this after following a link to one. */
const FOCUS_K = 4;
const HASH_K = 2;
/** Zoom factor of + and −, as the zoom module's buttons. */
const STEP = 1.6;
/** Of the details panel, how much a selection brings into view (the title and the first lines). */
const REVEAL = 140;

export function enhance(root: HTMLElement): TimelineApi | undefined {
	const data = JSON.parse(root.querySelector('script.tl-data')?.textContent ?? '{}') as TimelineData;
	const wide = root.querySelector<SVGSVGElement>('svg.tl-svg');
	const tall = root.querySelector<SVGSVGElement>('svg.tl-vsvg');
	if (!wide || !tall || !data.events) return undefined;
	const panel = data.details ? root.querySelector<HTMLElement>('.tl-details') : null;
	const panelHome = panel && { parent: panel.parentElement!, next: panel.nextElementSibling };
	const panelLabel = panel?.getAttribute('aria-label') ?? 'Event details';
	const isPage = root.dataset.variant === 'page';
	const motion = matchMedia('(prefers-reduced-motion: reduce)');
	const order = data.events.map((e) => e.id);
	const byId = new Map(data.events.map((e) => [e.id, e]));
	const nav = { items: data.events, lanes: data.tracks.map((track) => ({ track })) };

	let selected: string | null = null;
	/** True while this script moves focus itself, which the Tab landing rule below leaves alone. */
	let steering = false;
	let current = order[0] ?? '';
	const hidden = new Set<TrackId>();
	const shown = (id: string) => {
		const e = byId.get(id);
		return !!e && !hidden.has(e.track);
	};

	/** The wide chart shows on wide screens, the vertical one on narrow ones (CSS decides). */
	const isWide = () => wide.getClientRects().length > 0;
	const chart = () => (isWide() ? wide : tall);
	const linkIn = (svg: SVGSVGElement, id: string) =>
		svg.querySelector<SVGAElement>(`a.tl-event[data-id="${CSS.escape(id)}"]`);
	/** Room the page keeps clear at the top (the jump bar on phones). */
	const topClear = () => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
	const behavior = (): ScrollBehavior => (motion.matches ? 'instant' : 'smooth');

	// ---- parts loaded on demand -----------------------------------------------------------------

	let zoomApi: ZoomApi | undefined;
	let zoomLoad: Promise<ZoomApi> | undefined;
	const loadZoom = () =>
		(zoomLoad ??= import('./timeline-zoom').then(
			({ attachZoom }) => (zoomApi = attachZoom(root, wide, data, { onDraw: applyStates })),
		));
	let verticalLoad: Promise<VerticalApi> | undefined;
	const loadVertical = () =>
		(verticalLoad ??= import('./timeline-vertical-client').then(({ attachVertical }) =>
			attachVertical(tall, data, { onDraw: applyStates }),
		));

	// ---- state -------------------------------------------------------------------------------------

	function applyStates() {
		for (const svg of [wide!, tall!])
			for (const a of svg.querySelectorAll<SVGAElement>('a.tl-event')) {
				const id = a.dataset.id ?? '';
				a.classList.toggle('is-selected', id === selected);
				a.classList.toggle('is-hidden', !shown(id));
				if (id === selected) a.setAttribute('aria-current', 'true');
				else a.removeAttribute('aria-current');
				a.setAttribute('tabindex', id === current ? '0' : '-1');
			}
		for (const entry of root.querySelectorAll<HTMLElement>('.tl-entry'))
			entry.classList.toggle('is-selected', entry.dataset.event === selected);
		for (const mark of wide!.querySelectorAll<SVGElement>('.tl-overview-mark'))
			mark.classList.toggle('is-hidden', hidden.has(mark.dataset.track as TrackId));
	}

	// ---- focus that stays in sight -------------------------------------------------------------------

	/** Scrolls the page as little as it takes to show `el` whole, clear of the jump bar. */
	function keepInView(el: Element) {
		const r = (el.querySelector('.tl-hit') ?? el).getBoundingClientRect();
		const top = topClear() + 8;
		const bottom = innerHeight - 8;
		if (r.top < top) scrollBy({ top: r.top - top, behavior: 'instant' });
		else if (r.bottom > bottom) scrollBy({ top: Math.min(r.bottom - bottom, r.top - top), behavior: 'instant' });
	}

	function focusEvent(id: string) {
		current = id;
		applyStates();
		if (isWide()) zoomApi?.ensureVisible(id);
		const link = linkIn(chart(), id);
		if (!link) return;
		steering = true;
		link.focus({ preventScroll: true });
		steering = false;
		keepInView(link);
	}

	/**
	 * The event Tab or the skip link should land on: the selected one, else the first in view in
	 * reading order (top lane first, then left to right; down the vertical chart), else the first.
	 */
	function preferred(): string | undefined {
		if (selected && shown(selected)) return selected;
		const svg = chart();
		const candidates = order.filter((id) => shown(id) && (svg === tall || (zoomApi?.inView(id) ?? true)));
		const top = topClear();
		const inSight = candidates
			.map((id) => ({ id, r: linkIn(svg, id)?.querySelector('.tl-marker')?.getBoundingClientRect() }))
			.filter(({ r }) => r && r.height > 0 && r.top >= top && r.bottom <= innerHeight) as { id: string; r: DOMRect }[];
		const lane = (id: string) => data.tracks.indexOf(byId.get(id)!.track);
		inSight.sort((a, b) => (svg === wide ? lane(a.id) - lane(b.id) || a.r.left - b.r.left : a.r.top - b.r.top));
		return inSight[0]?.id ?? candidates[0] ?? order.find(shown);
	}

	// ---- selection and details -----------------------------------------------------------------------

	/** Brings the details panel into view without letting the selected mark leave it. */
	function reveal(id: string, fromAfar: boolean) {
		const mark = linkIn(chart(), id)?.querySelector('.tl-marker')?.getBoundingClientRect();
		if (!panel || !mark) return;
		const p = panel.getBoundingClientRect();
		const top = topClear() + 12;
		const keepMark = mark.top - top;
		const showPanel = p.top + Math.min(p.height, REVEAL) + 12 - innerHeight;
		// From a permalink, start with the chart's toolbar at the top; otherwise, from where the reader is.
		const toolbar = root.querySelector('.tl-toolbar')?.getBoundingClientRect().top ?? 0;
		const by = Math.min(keepMark, Math.max(showPanel, fromAfar ? toolbar - top : 0));
		if (Math.abs(by) > 1) scrollBy({ top: by, behavior: fromAfar ? 'instant' : behavior() });
	}

	function afterLoad(then: () => void) {
		const later = () => requestAnimationFrame(() => requestAnimationFrame(then));
		if (document.readyState === 'complete') later();
		else addEventListener('load', later, { once: true });
	}

	function fill(id: string): HTMLElement | undefined {
		const entry = root.querySelector(`.tl-entry[data-event="${CSS.escape(id)}"] > article`);
		if (!panel || !entry) return undefined;
		const { nodes, heading } = detailsContent(entry, {
			headingId: `${data.uid}-details-title`,
			headingLevel: data.detailsLevel,
			title: byId.get(id)?.title ?? id,
			href: data.hrefs[id] ?? `#${id}`,
			onTimelinePage: isPage,
			onClose: () => close(true),
		});
		panel.setAttribute('aria-labelledby', heading.id);
		panel.removeAttribute('aria-label');
		panel.replaceChildren(...nodes);
		panel.dataset.track = byId.get(id)?.track ?? '';
		return heading;
	}

	type How = 'click' | 'key' | 'hash' | 'load';
	function select(id: string, how: How) {
		const e = byId.get(id);
		if (!panel || !panelHome || !e) return;
		if (hidden.has(e.track)) setTrack(e.track, true);
		selected = id;
		current = id;
		applyStates();
		const heading = fill(id);
		if (isWide()) {
			panelHome.parent.insertBefore(panel, panelHome.next);
			panel.hidden = false;
			if (how === 'load' || how === 'hash')
				void loadZoom().then((z) => z.focusOn(id, how === 'load' ? FOCUS_K : HASH_K));
			else zoomApi?.ensureVisible(id);
			// After following a link to the event the reader is at its entry in the list: leave them there.
			if (how === 'click' || how === 'key') reveal(id, false);
			// Opened at a permalink: Chromium holds the page at the fragment's target (the event's entry
			// in the list) until it has loaded, so show the chart and details once it has.
			else if (how === 'load') afterLoad(() => reveal(id, true));
			if (how === 'click' || how === 'key') heading?.focus({ preventScroll: true });
		} else if (how === 'click' || how === 'key') {
			// On the vertical chart the event opens under its own line; a permalink lands on the list.
			panel.hidden = true;
			tall!.parentElement!.append(panel);
			void loadVertical().then((v) => {
				if (selected !== id) return;
				v.open(id, panel);
				heading?.focus({ preventScroll: true });
				reveal(id, false);
			});
		}
		if (isPage && location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
	}

	function close(returnFocus: boolean) {
		const was = selected;
		selected = null;
		if (panel) {
			panel.hidden = true;
			panel.replaceChildren();
			panel.removeAttribute('aria-labelledby');
			panel.setAttribute('aria-label', panelLabel);
		}
		void verticalLoad?.then((v) => v.close());
		applyStates();
		if (isPage && location.hash) history.replaceState(null, '', location.pathname + location.search);
		if (returnFocus && was) focusEvent(was);
	}

	for (const svg of [wide, tall]) {
		svg.addEventListener('click', (event) => {
			const id = (event.target as Element).closest<SVGAElement>('a.tl-event')?.dataset.id;
			// In a compact embed an event is a link to the full timeline: let it go there.
			if (!id || !panel) return;
			event.preventDefault();
			// A tapped line that is open closes again.
			if (svg === tall && id === selected) close(true);
			else select(id, 'click');
		});

		svg.addEventListener('keydown', (event) => {
			const id = (event.target as Element).closest<SVGAElement>('a.tl-event')?.dataset.id;
			if (!id || event.altKey || event.ctrlKey || event.metaKey) return;
			if (isNavKey(event.key)) {
				event.preventDefault();
				const next = svg === wide ? navigate(nav, id, event.key, shown) : navigateVertical(order, id, event.key, shown);
				if (next) focusEvent(next);
			} else if (event.key === ' ' && panel) {
				event.preventDefault();
				if (svg === tall && id === selected) close(true);
				else select(id, 'key');
			} else if (svg === wide && (event.key === '+' || event.key === '=' || event.key === '-')) {
				event.preventDefault();
				const factor = event.key === '-' ? 1 / STEP : STEP;
				void loadZoom().then((z) => z.zoomBy(factor, id));
			}
		});
	}

	root.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && selected && !event.defaultPrevented) {
			event.preventDefault();
			close(true);
		}
	});

	// Tabbing into a chart lands on the selected event or the first in view, not wherever the roving
	// tab stop was left; a pointer puts focus where it presses.
	let pressed = 0;
	root.addEventListener('pointerdown', () => (pressed = performance.now()), { capture: true });
	root.addEventListener('focusin', (event) => {
		const link = (event.target as Element).closest<SVGAElement>('a.tl-event');
		const svg = link?.closest('svg');
		if (steering || !link || !svg || svg.contains(event.relatedTarget as Node | null)) return;
		if (performance.now() - pressed < 1000) return;
		const want = preferred();
		if (want && want !== link.dataset.id) focusEvent(want);
		else keepInView(link);
	});

	// ---- zoom: loaded when a reader reaches for it ------------------------------------------------------

	const buttons = root.querySelector<HTMLElement>('.tl-zoom');
	buttons?.addEventListener('click', (event) => {
		const button = (event.target as Element).closest<HTMLButtonElement>('button');
		if (!button || button.getAttribute('aria-disabled') === 'true') return;
		void loadZoom().then((z) => z.action(button.dataset.action ?? ''));
	});
	buttons?.addEventListener('focusin', () => void loadZoom(), { once: true });
	wide.addEventListener('pointerenter', () => void loadZoom(), { once: true });
	// A pinch or Ctrl + wheel that comes before the zoom has loaded is kept for it, not lost to the browser.
	wide.addEventListener(
		'wheel',
		(event) => {
			if (zoomApi || !(event.ctrlKey || event.metaKey)) return;
			event.preventDefault();
			const { deltaY, deltaMode, clientX } = event;
			void loadZoom().then((z) => z.wheelAt(deltaY, deltaMode, clientX));
		},
		{ passive: false },
	);

	// ---- track filters ------------------------------------------------------------------------------

	function setTrack(track: TrackId, visible: boolean) {
		if (visible) hidden.delete(track);
		else hidden.add(track);
		root.querySelector(`button.tl-key-item[data-track="${track}"]`)?.setAttribute('aria-pressed', String(visible));
		for (const entry of root.querySelectorAll<HTMLElement>('.tl-entry'))
			entry.hidden = hidden.has(entry.dataset.track as TrackId);
		for (const group of root.querySelectorAll<HTMLElement>('.tl-day, .tl-period, .tl-compact-day'))
			group.hidden = !group.querySelector('.tl-entry:not([hidden])');
		if (selected && !shown(selected)) close(false);
		if (!shown(current)) current = order.find(shown) ?? current;
		applyStates();
		// The vertical chart closes up the lines of hidden tracks.
		if (!isWide()) void loadVertical().then((v) => v.filter(hidden));
	}

	for (const key of root.querySelectorAll<HTMLElement>('span.tl-key-item')) {
		const track = key.dataset.track as TrackId;
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'tl-key-item';
		button.dataset.track = track;
		button.setAttribute('aria-pressed', 'true');
		button.append(...key.childNodes);
		button.addEventListener('click', () => {
			const visible = hidden.has(track);
			setTrack(track, visible);
			const count = order.filter(shown).length;
			announce(`${TRACKS[track].label} ${visible ? 'shown' : 'hidden'}. ${count} of ${order.length} events shown.`);
		});
		key.replaceWith(button);
	}
	// The filters and the zoom buttons are one Tab stop on the way to the chart; arrows move among them.
	const toolbar = root.querySelector<HTMLElement>('.tl-toolbar');
	if (toolbar) rovingToolbar(toolbar, 'Chart controls');

	// A window turned from wide to narrow (or back) shows the other chart: its details start closed.
	matchMedia('(min-width: 60rem)').addEventListener('change', () => selected && close(false));

	// ---- start ------------------------------------------------------------------------------------------

	const fromHash = () => {
		const id = idFromHash(location.hash);
		return id !== undefined && byId.has(id) ? id : undefined;
	};
	applyStates();
	root.dataset.ready = '';
	const opened = isPage ? fromHash() : undefined;
	if (opened) select(opened, 'load');
	if (isPage)
		addEventListener('hashchange', () => {
			const id = fromHash();
			if (id && id !== selected) select(id, 'hash');
		});

	return {
		focusEntry() {
			const id = preferred();
			if (id) focusEvent(id);
		},
	};
}
