/**
 * The cited passages of one explainer, by citation number, for the citation preview. Kept out of
 * the page's HTML: most readers never open a preview, and the page stays within its byte budget.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../data/site';
import { excerpt } from '../../../lib/excerpt';
import type { NumberedCitation } from '../../../lib/explainer-citations';

export const getStaticPaths = (async () =>
	(await getSite()).explainers.map((explainer) => ({
		params: { slug: explainer.id },
		props: { citations: explainer.data.citations },
	}))) satisfies GetStaticPaths;

export const GET: APIRoute<{ citations: NumberedCitation[] }> = ({ props }) =>
	Response.json(Object.fromEntries(props.citations.map((c) => [c.n, excerpt(c.text, 320)])));
