import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './scripts/find-chromium.mjs';

const PORT = Number(process.env.E2E_PORT) || 4399;
/** The same site built under a path (npm run build:subpath), as on a GitHub Pages project site. */
const SUBPATH_PORT = PORT + 1;
export const SUBPATH = '/talks/';
const executablePath = await findChromium({ headlessShell: true });

export default defineConfig({
	testDir: 'tests/e2e',
	forbidOnly: !!process.env.CI,
	// No retries: a test that passes only on a second try is a failure to look into, not to hide.
	retries: 0,
	// One worker per core of the 2-core machines this runs on; more only queue for the same CPU.
	workers: 2,
	// Tests of one file spread over both workers: without it, a11y.spec.ts (two scans per page) ran
	// on one worker for most of the suite while the other sat idle.
	fullyParallel: true,
	// Sized from measured durations (CONTRIBUTING.md, "Tests"): the slowest test, an axe scan of the
	// timeline, takes about 6 s on a quiet 2-core machine and 15 s with both cores busy. The limits
	// leave room for a machine shared with other work; a test that needs them is a bug.
	timeout: 90_000,
	expect: { timeout: 20_000 },
	reporter: [
		['list'],
		['./tests/helpers/slowest-reporter.ts'],
		...(process.env.CI ? [] : [['html', { open: 'never' }] as const]),
	],
	use: {
		baseURL: `http://localhost:${PORT}`,
		launchOptions: { ...(executablePath && { executablePath }), args: CHROMIUM_FLAGS },
		// Tracing every test costs about a tenth of the suite's CPU. To trace a failure, run
		// `npx playwright test <file> --trace on`.
		trace: 'off',
		screenshot: 'only-on-failure',
	},
	projects: [
		{ name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /subpath\.spec\.ts$/ },
		{
			name: 'subpath',
			use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${SUBPATH_PORT}${SUBPATH}` },
			testMatch: /subpath\.spec\.ts$/,
		},
	],
	webServer: [
		{
			command: `node scripts/serve.mjs --port ${PORT} --quiet`,
			url: `http://localhost:${PORT}/`,
			reuseExistingServer: !process.env.CI,
		},
		{
			command: `node scripts/serve.mjs --root dist-subpath --base ${SUBPATH} --port ${SUBPATH_PORT} --quiet`,
			url: `http://localhost:${SUBPATH_PORT}${SUBPATH}`,
			reuseExistingServer: !process.env.CI,
		},
	],
});
