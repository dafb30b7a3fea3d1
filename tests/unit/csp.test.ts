import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	CSP_DIRECTIVES,
	cspHash,
	headerPolicy,
	headersFile,
	hoistCspMeta,
	metaPolicy,
	parseCsp,
	SCRIPT_SOURCES,
	SECURITY_HEADERS,
} from '../../src/lib/csp';
import { pageFacts } from '../../src/lib/html-facts';
import { THEME_SCRIPT } from '../../src/lib/theme-script';

describe('the policy', () => {
	it('allows no inline script or style by keyword, and nothing from other origins', () => {
		const all = [...CSP_DIRECTIVES, ...SCRIPT_SOURCES].join(' ');
		expect(all).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|https?:|\*/);
		expect(SCRIPT_SOURCES).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(CSP_DIRECTIVES[0]).toBe("default-src 'none'");
	});

	it('hashes exactly the text of an inline script', () => {
		const expected = createHash('sha256').update(THEME_SCRIPT).digest('base64');
		expect(cspHash(THEME_SCRIPT)).toBe(`sha256-${expected}`);
	});

	it('parses a policy into directives', () => {
		expect(parseCsp("default-src 'none';script-src 'self' 'sha256-x'; ")).toEqual(
			new Map([
				['default-src', ["'none'"]],
				['script-src', ["'self'", "'sha256-x'"]],
			]),
		);
	});
});

describe('hoistCspMeta', () => {
	const meta = `<meta http-equiv="content-security-policy" content="script-src 'self'">`;

	it('moves the policy before any script, right after the charset', () => {
		const html = `<html><head><meta charset="utf-8"><title>x</title><script>1</script>${meta}<link rel="stylesheet" href="/a.css"></head></html>`;
		const out = hoistCspMeta(html);
		expect(out).toBe(
			`<html><head><meta charset="utf-8">${meta}<title>x</title><script>1</script><link rel="stylesheet" href="/a.css"></head></html>`,
		);
		expect(pageFacts(out).beforeCsp).toEqual(['meta']);
	});

	it('refuses a page without exactly one policy', () => {
		expect(() => hoistCspMeta('<html><head></head></html>')).toThrow('expected one CSP <meta>, found 0');
		expect(() => hoistCspMeta(`<head>${meta}${meta}</head>`)).toThrow('found 2');
	});
});

describe('_headers', () => {
	it('sets the policy and the security headers for every path, in the format static hosts read', () => {
		const text = headersFile("default-src 'none'; frame-ancestors 'none'");
		expect(text).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\n/m);
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(text).toContain(`  ${name}: ${value}\n`);
		expect(Object.keys(SECURITY_HEADERS)).toEqual(
			expect.arrayContaining(['X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'X-Frame-Options']),
		);
		// A cold renderer for every arrival, for no protection this site needs (see SECURITY_HEADERS).
		expect(text).not.toContain('Cross-Origin-Opener-Policy');
	});
});

describe('headerPolicy', () => {
	it('merges the pages’ policies, so no page’s own hash is blocked by the header', () => {
		const a = "default-src 'none'; script-src 'self' 'sha256-a'; style-src 'self'";
		const b = "default-src 'none'; script-src 'self' 'sha256-b'; img-src 'self'";
		expect(headerPolicy([a, b])).toBe(
			"default-src 'none'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; object-src 'none'",
		);
	});

	it('names script-src, object-src, base-uri and frame-ancestors for the pages this site builds', () => {
		const page = [...CSP_DIRECTIVES, `script-src ${SCRIPT_SOURCES.join(' ')} '${cspHash(THEME_SCRIPT)}'`].join(';');
		const policy = parseCsp(headerPolicy([page]));
		expect(policy.get('script-src')).toEqual([...SCRIPT_SOURCES, `'${cspHash(THEME_SCRIPT)}'`]);
		expect(policy.get('object-src')).toEqual(["'none'"]);
		expect(policy.get('base-uri')).toEqual(["'self'"]);
		expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
	});

	it('refuses to build a header from no pages', () => {
		expect(() => headerPolicy([])).toThrow(/no page policy/);
	});

	it('reads a page’s policy from its <meta>', () => {
		const html = `<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'none';script-src 'self'"></head>`;
		expect(metaPolicy(html)).toBe("default-src 'none';script-src 'self'");
		expect(metaPolicy('<head></head>')).toBeUndefined();
	});
});
