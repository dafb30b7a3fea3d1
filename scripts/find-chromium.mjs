/**
 * Finds a Chromium for Playwright and Lighthouse: $CHROMIUM_PATH, then Debian's /usr/bin/chromium,
 * then the browser Playwright installed itself, if any. Returns undefined when there is none.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

export async function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	for (const path of candidates) if (path && existsSync(path)) return path;
	try {
		const { chromium } = await import('@playwright/test');
		const own = chromium.executablePath();
		if (own && existsSync(own)) return own;
	} catch {
		/* Playwright has no browser of its own here */
	}
	return undefined;
}
