/**
 * Prints the ten slowest tests at the end of a Playwright run, with the share of the run's test
 * time they took, so a test drifting towards its timeout shows up before it fails. Durations are
 * reported, never asserted: they depend on the machine and what else runs on it.
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const SHOWN = 10;

export default class SlowestTests implements Reporter {
	private readonly times: { title: string; ms: number }[] = [];

	onTestEnd(test: TestCase, result: TestResult): void {
		// titlePath: ['', project, file, ...describe, title]
		const [, , file = '', ...rest] = test.titlePath();
		this.times.push({ title: `${file.replace(/^.*\//, '')} › ${rest.join(' › ')}`, ms: result.duration });
	}

	onEnd(result: FullResult): void {
		if (!this.times.length) return;
		const total = this.times.reduce((sum, t) => sum + t.ms, 0);
		const slowest = [...this.times].sort((a, b) => b.ms - a.ms).slice(0, SHOWN);
		const lines = slowest.map((t) => `  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.title}`);
		const share = ((slowest.reduce((sum, t) => sum + t.ms, 0) / total) * 100).toFixed(0);
		console.log(
			`\nSlowest ${slowest.length} of ${this.times.length} tests (${share}% of ${(total / 1000).toFixed(0)} s of test time; run took ${(result.duration / 1000).toFixed(0)} s):\n${lines.join('\n')}\n`,
		);
	}

	printsToStdio(): boolean {
		return false;
	}
}
