/**
 * The shapes of the site's ids, each defined once: content ids (file names, people, events),
 * and the anchors the explainer pages give their citation markers.
 */

/** A kebab-case id: lowercase letters and digits in words joined by single hyphens ("jens-stoltenberg"). */
export const KEBAB_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const isKebabId = (text: string): boolean => KEBAB_ID.test(text);

/** Anchor of the `k`th marker of citation `n` on an explainer page: `cite-3-1`. */
export const citationAnchor = (n: number | string, k: number | string): string => `cite-${n}-${k}`;
