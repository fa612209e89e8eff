import type { Localized } from './text.ts';
import type { Questionnaire } from './questionnaire.ts';

/** What a list of questionnaires shows, without the questions themselves. */
export interface QuestionnaireSummary {
	id: string;
	version: number;
	title: Localized;
	description: Localized;
	sensitive: boolean;
	themes: { id: string; title: Localized }[];
	questionCount: number;
	obligationCount: number;
}

export function summarize(q: Questionnaire): QuestionnaireSummary {
	return {
		id: q.id,
		version: q.version,
		title: q.title,
		description: q.description,
		sensitive: q.sensitive,
		themes: q.themes.map((t) => ({ id: t.id, title: t.title })),
		questionCount: q.questions.length,
		obligationCount: q.questions.filter((x) => x.legalBasis).length
	};
}
