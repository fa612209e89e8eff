import type { AnswerSet } from './answer.ts';
import { obligationKey } from './obligations.ts';
import type {
	ChoiceRecommendation,
	Question,
	Questionnaire,
	Recommendation
} from './questionnaire.ts';
import { recommendationsOf } from './recommendations.ts';
import type { QuestionnaireScores } from './scoring.ts';

export type Horizon = 'now' | '6months' | '12months';

export interface Action {
	/**
	 * Stable across diagnostics and versions of the content: `questionnaire/question/r0` for a
	 * question's first recommendation, `questionnaire/question/choice` for a choice's.
	 */
	key: string;
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
	/** Moved from « now » to 6 months because « now » already holds `NOW_LIMIT` actions. */
	deferred: boolean;
}

/** At most this many actions are « tout de suite »: the rest are honestly later. */
export const NOW_LIMIT = 10;

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
 * « Now » holds at most `NOW_LIMIT` actions, the first in the ranking; the others move to
 * 6 months, marked `deferred`. An obligation a later questionnaire asks again (same
 * `obligationKey` as an earlier questionnaire's question) gives no action there: it counts once.
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
	const owner = new Map<string, string>();
	for (const { questionnaire } of parts)
		for (const question of questionnaire.questions)
			if (question.legalBasis) {
				const key = obligationKey(question.legalBasis);
				if (!owner.has(key)) owner.set(key, questionnaire.id);
			}
	for (const { questionnaire, answers, scores } of parts) {
		const results = new Map(scores.questions.map((r) => [r.questionId, r]));
		for (const question of questionnaire.questions) {
			if (question.legalBasis && owner.get(obligationKey(question.legalBasis)) !== questionnaire.id)
				continue;
			const r = results.get(question.id);
			if (!r || (r.status !== 'answered' && r.status !== 'dontKnow') || r.score === null) continue;
			const obligation = !!question.legalBasis && r.score < question.legalBasis.metFromScore;
			for (const recommendation of recommendationsOf(question, answers[question.id]?.response)) {
				const gap = 100 - r.score;
				const effort = level[recommendation.effort];
				const horizon: Horizon =
					obligation || effort === 1 ? 'now' : r.planned || effort === 3 ? '12months' : '6months';
				const index = question.recommendations.indexOf(recommendation as Recommendation);
				const choice =
					index < 0 && 'choices' in question
						? question.choices.find((c) => c.recommendation === recommendation)
						: undefined;
				actions.push({
					key: `${questionnaire.id}/${question.id}/${choice ? choice.id : `r${index}`}`,
					questionnaireId: questionnaire.id,
					question,
					recommendation,
					obligation,
					planned: r.planned,
					gap,
					priority: (gap * question.weight * level[recommendation.impact]) / effort,
					horizon,
					deferred: false
				});
			}
		}
	}
	actions.sort(
		(a, b) =>
			Number(b.obligation) - Number(a.obligation) ||
			b.priority - a.priority ||
			level[a.recommendation.effort] - level[b.recommendation.effort] ||
			b.gap - a.gap
	);
	let now = 0;
	for (const a of actions)
		if (a.horizon === 'now' && ++now > NOW_LIMIT) {
			a.horizon = '6months';
			a.deferred = true;
		}
	return actions;
}

/** At most this many priorities head the results: « par quoi commencer ». */
export const PRIORITY_LIMIT = 5;

/**
 * « Par quoi commencer »: the first `PRIORITY_LIMIT` actions of the plan, one per question, so
 * that no two priorities are the same obligation or the same question (the plan already counts an
 * obligation asked twice once). The plan's order gives unmet obligations first, then the best gain
 * for the effort.
 */
export function priorities(plan: readonly Action[]): Action[] {
	const seen = new Set<string>();
	const out: Action[] = [];
	for (const a of plan) {
		const question = `${a.questionnaireId}/${a.question.id}`;
		if (seen.has(question)) continue;
		seen.add(question);
		out.push(a);
		if (out.length === PRIORITY_LIMIT) break;
	}
	return out;
}
