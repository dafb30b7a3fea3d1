import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './scripts/find-chromium.mjs';

const PORT = Number(process.env.E2E_PORT) || 4399;
/** The same site built under a path (npm run build:subpath), as on a GitHub Pages project site. */
const SUBPATH_PORT = PORT + 1;
export const SUBPATH = '/talks/';
const executablePath = await findChromium();

export default defineConfig({
	testDir: 'tests/e2e',
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	workers: 2,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://localhost:${PORT}`,
		launchOptions: { ...(executablePath && { executablePath }), args: CHROMIUM_FLAGS },
		trace: 'retain-on-failure',
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
