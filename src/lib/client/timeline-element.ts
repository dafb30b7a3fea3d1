/**
 * <event-timeline>: the eager part of the timeline's script, kept tiny. It waits until the
 * timeline is near the viewport (or the page was opened at one of its events' permalinks, or the
 * reader reaches it by keyboard or pointer) and only then loads the enhancement with D3's zoom.
 */
class EventTimeline extends HTMLElement {
	#observer: IntersectionObserver | undefined;
	#started = false;

	connectedCallback() {
		const id = decodeURIComponent(location.hash.slice(1));
		const opened =
			this.dataset.variant === 'page' && id !== '' && this.querySelector(`[data-event="${CSS.escape(id)}"]`);
		if (opened || !('IntersectionObserver' in window)) return void this.#start();
		this.#observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.#start(), {
			rootMargin: '400px 0px',
		});
		this.#observer.observe(this);
		this.addEventListener('focusin', this.#start, { once: true });
		this.addEventListener('pointerenter', this.#start, { once: true });
	}

	disconnectedCallback() {
		this.#observer?.disconnect();
	}

	#start = () => {
		if (this.#started) return;
		this.#started = true;
		this.#observer?.disconnect();
		import('./timeline-enhance')
			.then(({ enhance }) => enhance(this))
			.catch((error: unknown) => {
				// The chart and the list still work as plain links; say why the rest does not.
				console.error('Timeline could not start', error);
			});
	};
}

customElements.define('event-timeline', EventTimeline);
