/**
 * Lighthouse through its Node API, all four categories: the mobile form factor (Lighthouse's
 * default config) unless asked for desktop. Each run gets a fresh headless Chromium with an empty
 * profile, started here with a DevTools port (a free one) for Lighthouse to drive.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { BROWSER_FLAGS, chromePath, freePort, sleep } from './common.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

async function launch() {
	const port = await freePort();
	const profile = mkdtempSync(join(tmpdir(), 'talks-lh-'));
	const child = spawn(
		await chromePath(),
		[...BROWSER_FLAGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
		{
			stdio: 'ignore',
		},
	);
	for (let i = 0; i < 100; i++) {
		try {
			await fetch(`http://127.0.0.1:${port}/json/version`);
			return {
				port,
				stop: async () => {
					child.kill();
					await new Promise((r) => child.once('exit', r));
					rmSync(profile, { recursive: true, force: true });
				},
			};
		} catch {
			await sleep(100);
		}
	}
	child.kill();
	throw new Error('Chromium did not open its DevTools port');
}

/**
 * Lighthouse `runs` times and keeps the median run by performance score (then TBT), as
 * Lighthouse's own guidance on variability advises: on a shared machine one run can be far off.
 */
export async function audit(url, { runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS) || 5, desktop = false } = {}) {
	const all = [];
	const failures = [];
	// On a busy machine Lighthouse sometimes loses its trace (NO_NAVSTART, NO_FCP): such a run says
	// nothing about the page, so it is run again, at most twice per wanted run, and the report
	// counts the lost runs.
	while (all.length < runs) {
		try {
			all.push(await auditOnce(url, desktop));
		} catch (error) {
			if (!/NO_NAVSTART|NO_FCP|NO_LCP|PROTOCOL_TIMEOUT/.test(error.message) || failures.length >= 2 * runs) throw error;
			failures.push(error.message);
			console.error(`[bench] Lighthouse run lost, running it again: ${error.message}`);
		}
	}
	all.sort((a, b) => a.performance - b.performance || b.tbtMs - a.tbtMs);
	return {
		...all[Math.floor(all.length / 2)],
		runs,
		lostRuns: failures.length,
		performanceRange: [all[0].performance, all.at(-1).performance],
	};
}

/** Scores (0–100) and the three core figures for one URL, from one run. */
async function auditOnce(url, desktop) {
	const chrome = await launch();
	try {
		const result = await lighthouse(
			url,
			{ port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
			desktop ? desktopConfig : undefined,
		);
		if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
		const { lhr } = result;
		if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
		const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
		const value = (id) => lhr.audits[id]?.numericValue ?? NaN;
		const failing = Object.values(lhr.audits)
			.filter(
				(a) =>
					a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual',
			)
			.map((a) => a.id);
		return {
			performance: score('performance'),
			accessibility: score('accessibility'),
			bestPractices: score('best-practices'),
			seo: score('seo'),
			lcpMs: Math.round(value('largest-contentful-paint')),
			tbtMs: Math.round(value('total-blocking-time')),
			cls: Number(value('cumulative-layout-shift').toFixed(3)),
			failing,
		};
	} finally {
		await chrome.stop();
	}
}
