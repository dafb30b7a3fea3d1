/**
 * The Content Security Policy of every built page, read from the bytes: present, first in the
 * head, no 'unsafe-inline', and every inline script and style on the page allowed by its hash.
 * The browser test (tests/e2e/csp.spec.ts) proves the same policy holds when pages run.
 */
import { readFileSync } from 'node:fs';
import { CspEvaluator } from 'csp_evaluator/dist/evaluator.js';
import { Severity } from 'csp_evaluator/dist/finding.js';
import { CspParser } from 'csp_evaluator/dist/parser.js';
import { describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../../src/lib/http';
import { cspHash, headerPolicy, headersFile, parseCsp } from '../../src/lib/csp';
import { isExecutable, pageFacts } from '../../src/lib/html-facts';
import { DIST, distPages } from '../helpers/dist';

const pages = distPages();

/** csp_evaluator's findings of HIGH severity (including "possibly high") for a policy, one line each. */
function highFindings(policy: string): string[] {
	const findings = new CspEvaluator(new CspParser(policy).csp).evaluate();
	return findings
		.filter((f) => f.severity === Severity.HIGH || f.severity === Severity.HIGH_MAYBE || f.severity === Severity.SYNTAX)
		.map((f) => `${f.directive}: ${f.description}`);
}

describe('Content Security Policy', () => {
	it.each(pages.map((p) => [p.path, p] as const))('%s carries a strict policy that covers all its inline code', (_, page) => {
		const facts = pageFacts(page.html);
		expect(facts.csp, 'one CSP <meta> per page').toHaveLength(1);
		expect(facts.beforeCsp, 'only <meta charset> before the policy').toEqual(['meta']);
		const policy = parseCsp(facts.csp[0] ?? '');
		const scriptSrc = policy.get('script-src') ?? [];
		const styleSrc = policy.get('style-src') ?? [];
		expect(policy.get('default-src')).toEqual(["'none'"]);
		expect(scriptSrc).not.toContain("'unsafe-inline'");
		expect(scriptSrc).not.toContain("'unsafe-eval'");
		expect(styleSrc).not.toContain("'unsafe-inline'");
		expect([...policy.keys()].filter((d) => d.endsWith('-elem') || d.endsWith('-attr'))).toEqual([]);

		for (const script of facts.scripts.filter((s) => s.inline !== undefined && isExecutable(s.type)))
			expect(scriptSrc, `inline script "${script.inline?.slice(0, 60)}…"`).toContain(`'${cspHash(script.inline ?? '')}'`);
		for (const style of facts.styles.filter((s) => s.inline !== undefined))
			expect(styleSrc, `inline style "${style.inline?.slice(0, 60)}…"`).toContain(`'${cspHash(style.inline ?? '')}'`);
		expect(facts.styleAttributes, 'style="" attributes, which the policy blocks').toBe(0);
		for (const script of facts.scripts.filter((s) => s.src !== undefined))
			expect(script.src, 'scripts load only from this site').toMatch(/^\/(?!\/)/);
	});

	it('dist/_headers carries the security headers, with every page’s policy merged, for static hosts', () => {
		const policies = [...new Set(pages.map((p) => pageFacts(p.html).csp[0] ?? ''))];
		expect(readFileSync(`${DIST}/_headers`, 'utf8')).toBe(headersFile(headerPolicy(policies)));
	});

	it('csp_evaluator finds nothing of high severity in the header policy or any page’s policy', () => {
		const header = parseHeadersFile(readFileSync(`${DIST}/_headers`, 'utf8')).get('/*')?.['Content-Security-Policy'];
		expect(header, 'a Content-Security-Policy for /* in dist/_headers').toBeDefined();
		const policy = parseCsp(header ?? '');
		for (const name of ['script-src', 'object-src', 'base-uri', 'frame-ancestors'])
			expect(policy.get(name), `${name} in the header policy`).toBeDefined();
		expect(highFindings(header ?? ''), 'dist/_headers').toEqual([]);
		for (const page of pages) expect(highFindings(pageFacts(page.html).csp[0] ?? ''), page.path).toEqual([]);
	});

	it('the check sees a weak policy: a header without script-src is rated high', () => {
		expect(highFindings("frame-ancestors 'none'; base-uri 'self'; object-src 'none'")).toEqual([
			expect.stringMatching(/^script-src: /),
		]);
	});
});
