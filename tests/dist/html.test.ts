/** Every built page is valid HTML under the committed .htmlvalidate.mjs (recommended + document rules). */
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { DIST, distPages } from '../helpers/dist';

const validator = new HtmlValidate(new FileSystemConfigLoader());
const pages = distPages();

const errorsIn = async (html: string, filename: string) => {
	const report = await validator.validateString(html, filename);
	return report.results.flatMap((r) =>
		r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
	);
};

describe('valid HTML', () => {
	it.each(pages.map((p) => [p.path, p] as const))('%s has no html-validate errors', async (_, page) => {
		expect(await errorsIn(page.html, `${DIST}/${page.file}`)).toEqual([]);
	});

	it('the committed configuration is in force and stricter than the standard preset', async () => {
		// Inline styles and implicit button types pass html-validate:standard but not this config.
		const bad = '<!doctype html><html lang="en"><head><title>t</title></head><body><main><button style="color:red">x</button></main></body></html>';
		const errors = await errorsIn(bad, `${DIST}/probe.html`);
		expect(errors.join('\n')).toMatch(/no-inline-style/);
		expect(errors.join('\n')).toMatch(/no-implicit-button-type/);
	});
});
