/**
 * <event-timeline>: the eager part of the timeline's script, kept tiny. It waits until the
 * timeline is near the viewport (or the page was opened at one of its events' permalinks, or the
 * reader reaches it by keyboard, pointer or a skip link) and only then loads the interactive layer,
 * which is small too: D3's zoom loads later still, when a reader first zooms or drags.
 */
import { idFromHash } from '../hash';
import type { TimelineApi } from './timeline-interact';

class EventTimeline extends HTMLElement {
	#observer: IntersectionObserver | undefined;
	#api: Promise<TimelineApi | undefined> | undefined;

	connectedCallback() {
		// A skip link to the chart (`#<id>-chart`) puts focus on an event, not before the chart.
		document.addEventListener('click', this.#onSkip);
		const id = idFromHash(location.hash);
		const opened = this.dataset.variant === 'page' && id && this.querySelector(`[data-event="${CSS.escape(id)}"]`);
		if (opened || !('IntersectionObserver' in window)) return void this.#start();
		const start = () => void this.#start();
		this.#observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), {
			rootMargin: '400px 0px',
		});
		this.#observer.observe(this);
		this.addEventListener('focusin', start, { once: true });
		this.addEventListener('pointerenter', start, { once: true });
	}

	disconnectedCallback() {
		this.#observer?.disconnect();
		document.removeEventListener('click', this.#onSkip);
	}

	#onSkip = (event: MouseEvent) => {
		const link = (event.target as Element | null)?.closest?.('a[href]');
		if (link?.getAttribute('href') !== `#${this.id}-chart`) return;
		event.preventDefault();
		void this.#start().then((api) => api?.focusEntry());
	};

	#start = () => {
		this.#observer?.disconnect();
		return (this.#api ??= import('./timeline-interact')
			.then(({ enhance }) => enhance(this))
			.catch((error: unknown) => {
				// The chart and the list still work as plain links; say why the rest does not.
				console.error('Timeline could not start', error);
				return undefined;
			}));
	};
}

customElements.define('event-timeline', EventTimeline);
