import type { Question, Questionnaire } from './questionnaire.ts';
import type { QuestionnaireScores } from './scoring.ts';

export type ObligationStatus = 'met' | 'notMet' | 'unknown' | 'declaredNotApplicable';

export interface Obligation {
	questionnaireId: string;
	question: Question;
	status: ObligationStatus;
	score: number | null;
}

/**
 * The legal obligations that apply to this territory (questions with a legal basis that its
 * profile and answers make it answer) and whether the answers show them met: met from the
 * legal basis' `metFromScore`, not met below it, unknown when unanswered or "je ne sais pas".
 */
export function obligations(q: Questionnaire, scores: QuestionnaireScores): Obligation[] {
	const results = new Map(scores.questions.map((r) => [r.questionId, r]));
	return q.questions.flatMap((question) => {
		const r = results.get(question.id);
		if (!question.legalBasis || !r || r.status === 'notAsked') return [];
		const status: ObligationStatus =
			r.status === 'notApplicable'
				? 'declaredNotApplicable'
				: r.status === 'answered' && r.score !== null
					? r.score >= question.legalBasis.metFromScore
						? 'met'
						: 'notMet'
					: 'unknown';
		return [{ questionnaireId: q.id, question, status, score: r.score }];
	});
}
