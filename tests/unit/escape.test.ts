import { describe, expect, it } from 'vitest';
import { scriptJson } from '../../src/lib/escape';

describe('scriptJson', () => {
	const hostile = ['</script><img src=x onerror=alert(1)>', '<!--', '<![CDATA[', 'a & b', '\u2028\u2029', '</SCRIPT >'];

	it('leaves no character that could end or open markup inside a script element', () => {
		const out = scriptJson({ hostile, nested: [{ t: hostile.join('') }] });
		expect(out).not.toMatch(/[<>&\u2028\u2029]/);
	});

	it('round-trips every string exactly', () => {
		const value = { hostile, n: 3, ok: true, none: null };
		expect(JSON.parse(scriptJson(value))).toEqual(value);
	});
});
