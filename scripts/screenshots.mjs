#!/usr/bin/env node
/**
 * Screenshots of key pages at desktop and phone widths, light and dark, into screenshots/.
 * Serves dist/ itself (on $SCREENSHOT_PORT, default 4398). Usage: node scripts/screenshots.mjs [path …]
 * A path ending in `@search=words` opens the search dialog there and types the words first.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './find-chromium.mjs';

const PORT = Number(process.env.SCREENSHOT_PORT) || 4398;
const paths = process.argv.slice(2).length
	? process.argv.slice(2)
	: ['/', '/articles/stoltenberg-open-door-geneva-talks-begin/'];
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT), '--quiet'], { stdio: 'inherit' });
await new Promise((r) => setTimeout(r, 400));

const executablePath = await findChromium();
const browser = await chromium.launch({ ...(executablePath && { executablePath }), args: CHROMIUM_FLAGS });
await mkdir('screenshots', { recursive: true });
const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 780 } };
for (const [size, viewport] of Object.entries(sizes)) {
	for (const colorScheme of ['light', 'dark']) {
		const page = await browser.newPage({ viewport, colorScheme, deviceScaleFactor: 1 });
		for (const spec of paths) {
			const [path = '/', query] = spec.split('@search=');
			await page.goto(`http://localhost:${PORT}${path}`, { waitUntil: 'networkidle' });
			if (query) {
				await page.keyboard.press('Control+K');
				await page.getByRole('dialog').getByRole('searchbox').pressSequentially(query);
				await page.locator('.search-result').first().waitFor();
				await page.waitForTimeout(300);
			}
			const name =
				spec
					.replace(/^\/|\/$/g, '')
					.replace(/[/#?&=@]+/g, '_')
					.replace(/_$/, '') || 'home';
			await page.screenshot({ path: `screenshots/${name}-${size}-${colorScheme}.png`, fullPage: !query });
		}
		await page.close();
	}
}
await browser.close();
server.kill();
console.log(`Screenshots written to screenshots/`);
