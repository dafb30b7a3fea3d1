#!/usr/bin/env node
/**
 * Makes sure a Chromium exists for the browser tests. As root with apt-get, installs Debian's
 * chromium-headless-shell (the fast one for tests) and chromium (for Lighthouse and screenshots)
 * when missing; otherwise stops with the exact command to run. With only the full browser, the
 * tests run in it, about twice as slowly.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { HEADLESS_SHELL, findChromium } from './find-chromium.mjs';

const isRoot = process.getuid?.() === 0;
const canInstall = isRoot && existsSync('/usr/bin/apt-get');
const missing = [
	...(existsSync(HEADLESS_SHELL) ? [] : ['chromium-headless-shell']),
	...((await findChromium()) ? [] : ['chromium']),
];

if (missing.length && canInstall && !process.env.CHROMIUM_PATH) {
	console.log(`Installing Debian’s ${missing.join(' and ')} (apt-get) for the browser tests…`);
	try {
		execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, {
			stdio: 'inherit',
		});
	} catch {
		console.warn('apt-get could not install them; carrying on with whatever browser there is.');
	}
}

const found = await findChromium({ headlessShell: true });
if (found) {
	console.log(`Browser tests will use ${found}`);
	if (found !== HEADLESS_SHELL && !process.env.CHROMIUM_PATH)
		console.log(`(Faster with Debian’s chromium-headless-shell: sudo apt-get install -y chromium-headless-shell)`);
	process.exit(0);
}

console.error(`
No Chromium browser was found, and it could not be installed automatically.
Install one, then run the tests again:

  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium-headless-shell chromium
  elsewhere:      npx playwright install chromium

Or point CHROMIUM_PATH at an existing Chromium or Chrome binary.
`);
process.exit(1);
