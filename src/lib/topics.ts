/** The topics an article can be filed under. The key is what authors write in frontmatter. */
export const TOPICS = {
	'what-nato-is': 'What NATO is',
	'open-door-policy': 'NATO’s open door',
	'russian-demands': 'Russia’s demands',
	'january-talks': 'The January 2022 security talks',
	'geneva-talks': 'US–Russia talks in Geneva',
	'nato-russia-council': 'NATO–Russia Council',
	'nato-ukraine-commission': 'NATO–Ukraine Commission',
	'russia-ukraine-talks': 'Russia–Ukraine talks',
	'security-guarantees': 'Security guarantees',
	neutrality: 'Neutrality',
	'aid-and-sanctions': 'Aid and sanctions',
} as const;

export type TopicId = keyof typeof TOPICS;
export const TOPIC_IDS = Object.keys(TOPICS) as [TopicId, ...TopicId[]];
