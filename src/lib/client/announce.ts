/** Speaks a short message through the layout's polite live region (#live-status). */
export function announce(message: string): void {
	const region = document.getElementById('live-status');
	if (!region) return;
	// Clearing first makes screen readers repeat an identical message.
	region.textContent = '';
	requestAnimationFrame(() => (region.textContent = message));
}
