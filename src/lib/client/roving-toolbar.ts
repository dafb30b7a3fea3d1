/**
 * A row of controls as one Tab stop, the ARIA toolbar pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/toolbar/): Left and Right move between its visible
 * buttons (wrapping), Home and End go to the ends, and Tab leaves. The timeline's five track
 * filters and five zoom buttons would otherwise be ten Tab stops between a keyboard reader and the
 * chart. The stop stays on the last button used, as the pattern recommends.
 */
/** Where each key moves from button `at` of `n`. */
const MOVES: Record<string, (at: number, n: number) => number> = {
	ArrowRight: (at, n) => (at + 1) % n,
	ArrowLeft: (at, n) => (at - 1 + n) % n,
	Home: () => 0,
	End: (_, n) => n - 1,
};

export function rovingToolbar(toolbar: HTMLElement, label: string): void {
	toolbar.setAttribute('role', 'toolbar');
	toolbar.setAttribute('aria-label', label);
	const all = () => [...toolbar.querySelectorAll<HTMLButtonElement>('button')];
	// A button can be hidden by the layout (the zoom buttons on the narrow, vertical chart).
	const visible = () => all().filter((b) => b.getClientRects().length > 0);
	let current: HTMLButtonElement | undefined;

	const update = () => {
		const shown = visible();
		if (!current || !shown.includes(current)) current = shown[0];
		for (const b of all()) b.tabIndex = b === current ? 0 : -1;
	};

	toolbar.addEventListener('focusin', (event) => {
		const button = (event.target as Element).closest('button');
		if (button && button !== current) {
			current = button;
			update();
		}
	});
	toolbar.addEventListener('keydown', (event) => {
		if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
		const shown = visible();
		const at = shown.indexOf(document.activeElement as HTMLButtonElement);
		if (at < 0) return;
		const to = MOVES[event.key]?.(at, shown.length);
		if (to === undefined) return;
		event.preventDefault();
		shown[to]!.focus();
	});
	// The wide and the narrow chart show different controls.
	addEventListener('resize', update);
	update();
}
