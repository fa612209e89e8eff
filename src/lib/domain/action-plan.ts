import type { AnswerSet } from './answer.ts';
import type { ChoiceRecommendation, Question, Questionnaire } from './questionnaire.ts';
import { recommendationsOf } from './recommendations.ts';
import type { QuestionnaireScores } from './scoring.ts';

export type Horizon = 'now' | '6months' | '12months';

export interface Action {
	questionnaireId: string;
	question: Question;
	/** A question's recommendation or one of its choices' (see `recommendationsOf`). */
	recommendation: ChoiceRecommendation;
	/** The question is a legal obligation the answers do not show met. */
	obligation: boolean;
	/** The item is already marked "prévu dans les 12 mois". */
	planned: boolean;
	/** 100 − the question's score ("je ne sais pas" counts as 0). */
	gap: number;
	priority: number;
	horizon: Horizon;
}

const level = { low: 1, medium: 2, high: 3 } as const;

/**
 * The action plan: for each asked question answered (or "je ne sais pas"), the recommendations
 * its answer calls for (`recommendationsOf`: the question's below their `whenScoreBelow`, then
 * the chosen choice's for `single`, the unticked choices' for `multiple`), ranked by
 *     priority = gap × weight × impact ÷ effort   (impact and effort: low 1, medium 2, high 3)
 * with the obligations not met first; a tie of priority goes to less effort, then to a larger gap
 * (then the questionnaire's order). Horizons: unmet obligations and low-effort actions now,
 * medium effort within 6 months, high effort (and what is already planned) within 12 months.
 * Unanswered questions give no action: their coverage warning asks to answer them first.
 *
 * Example: a question of weight 2 answered at 50 with a recommendation of high impact and medium
 * effort → gap 50, priority 50 × 2 × 3 ÷ 2 = 150, horizon 6 months.
 */
export function actionPlan(
	parts: readonly {
		questionnaire: Questionnaire;
		answers: AnswerSet;
		scores: QuestionnaireScores;
	}[]
): Action[] {
	const actions: Action[] = [];
	for (const { questionnaire, answers, scores } of parts) {
		const results = new Map(scores.questions.map((r) => [r.questionId, r]));
		for (const question of questionnaire.questions) {
			const r = results.get(question.id);
			if (!r || (r.status !== 'answered' && r.status !== 'dontKnow') || r.score === null) continue;
			const obligation = !!question.legalBasis && r.score < question.legalBasis.metFromScore;
			for (const recommendation of recommendationsOf(question, answers[question.id]?.response)) {
				const gap = 100 - r.score;
				const effort = level[recommendation.effort];
				const horizon: Horizon =
					obligation || effort === 1 ? 'now' : r.planned || effort === 3 ? '12months' : '6months';
				actions.push({
					questionnaireId: questionnaire.id,
					question,
					recommendation,
					obligation,
					planned: r.planned,
					gap,
					priority: (gap * question.weight * level[recommendation.impact]) / effort,
					horizon
				});
			}
		}
	}
	return actions.sort(
		(a, b) =>
			Number(b.obligation) - Number(a.obligation) ||
			b.priority - a.priority ||
			level[a.recommendation.effort] - level[b.recommendation.effort] ||
			b.gap - a.gap
	);
}
