/**
 * The cited passages of one explainer, by citation number, for the citation preview. Kept out of
 * the page's HTML: most readers never open a preview, and the page stays within its byte budget.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { explainersWithCitations } from '../../../data/explainers';
import { excerpt } from '../../../lib/excerpt';
import type { NumberedCitation } from '../../../lib/explainer-citations';

export const getStaticPaths = (async () =>
	(await explainersWithCitations()).map(({ explainer, citations }) => ({
		params: { slug: explainer.id },
		props: { citations },
	}))) satisfies GetStaticPaths;

export const GET: APIRoute<{ citations: Record<number, NumberedCitation> }> = ({ props }) =>
	Response.json(Object.fromEntries(Object.values(props.citations).map((c) => [c.n, excerpt(c.text, 320)])));
