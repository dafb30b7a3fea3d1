/**
 * Renders the anchor ledger's aliases and retired ids (src/content/anchors.json): inside the
 * element each one now lands on, an empty element with the old id, so a link shared before the
 * text moved lands on the same words with no JavaScript. Runs at build end over the built pages,
 * before the link check, so the check sees the old ids too; `astro dev` does not render them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { aliasesOf, LEDGER_FILE, parseLedger } from '../lib/anchor-ledger';
import { insertAliases } from '../lib/anchor-alias-html';
import { ContentError, type Problem } from '../lib/problems';

export function anchorAliases(): AstroIntegration {
	let root = '';
	return {
		name: 'site:anchor-aliases',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			'astro:build:done': ({ dir, logger }) => {
				const file = join(root, LEDGER_FILE);
				if (!existsSync(file)) return;
				const { ledger } = parseLedger(readFileSync(file, 'utf8'));
				const problems: Problem[] = [];
				let count = 0;
				for (const [page, aliases] of aliasesOf(ledger)) {
					const html = join(fileURLToPath(dir), page, 'index.html');
					if (!existsSync(html)) continue; // a gone page is the content model's problem to report
					const { text, missing } = insertAliases(readFileSync(html, 'utf8'), aliases);
					for (const [old, target] of missing)
						problems.push({
							file: LEDGER_FILE,
							field: `${page} → ${old}`,
							message: `the page has no element with id "${target}" for the old id #${old} to land on`,
							fix: 'point the alias or retirement at an id the page renders',
						});
					writeFileSync(html, text);
					count += aliases.length - missing.length;
				}
				if (problems.length) throw new ContentError(problems, 'anchor alias problem');
				if (count) logger.info(`${count} old anchor id${count === 1 ? '' : 's'} kept as aliases.`);
			},
		},
	};
}
