import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	CSP_DIRECTIVES,
	cspHash,
	headersFile,
	hoistCspMeta,
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
	it('sets the security headers for every path, in the format static hosts read', () => {
		const text = headersFile();
		expect(text).toMatch(/^\/\*\n {2}Content-Security-Policy: frame-ancestors 'none';/m);
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(text).toContain(`  ${name}: ${value}\n`);
		expect(Object.keys(SECURITY_HEADERS)).toEqual(
			expect.arrayContaining(['X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'X-Frame-Options']),
		);
	});
});
