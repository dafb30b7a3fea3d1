/** The one MDX parser for content checks and the content model (the MDX compiler renders separately). */
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { countParse, type ParseKind } from './parse-count';

const parser = unified().use(remarkParse).use(remarkMdx);

/** The mdast tree of an MDX body (without frontmatter). `file` names it in the parse counts. */
export function parseMdx(body: string, file = '(unnamed)', kind: ParseKind = 'model'): Root {
	countParse(kind, file);
	return parser.parse(body);
}
