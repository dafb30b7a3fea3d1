#!/usr/bin/env node
/**
 * Makes sure a Chromium exists for the browser tests. Installs Debian's package when running as
 * root with apt-get; otherwise stops with the exact command to run.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const found = await findChromium();
if (found) {
	console.log(`Browser tests will use ${found}`);
	process.exit(0);
}

const isRoot = process.getuid?.() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
	console.log('No Chromium found: installing Debian’s chromium package (apt-get)…');
	execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
		stdio: 'inherit',
	});
	if (await findChromium()) process.exit(0);
}

console.error(`
No Chromium browser was found, and it could not be installed automatically.
Install one, then run the tests again:

  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  elsewhere:      npx playwright install chromium

Or point CHROMIUM_PATH at an existing Chromium or Chrome binary.
`);
process.exit(1);
