import type { Response } from './answer.ts';
import type { ChoiceRecommendation, Question } from './questionnaire.ts';
import { questionScore } from './scoring.ts';

/**
 * The recommendations an answer calls for, question-level first, then per choice in the
 * questionnaire's order:
 * - a question recommendation when the answer scores below its `whenScoreBelow`;
 * - `single`: the recommendation of the chosen choice;
 * - `multiple`: the recommendation of every choice not ticked (« aucun de ces éléments » ticks none).
 * « Je ne sais pas » counts as a score of 0 and as nothing ticked (no choice for `single`).
 * No answer (nor, beside a « aucun de ces éléments » choice, nothing ticked), « non applicable »
 * and answers that do not fit the question call for nothing.
 *
 * Example: `outils` (multiple: sauvegarde 50 with a recommendation, mfa 50 with one), ticked
 * [mfa] → score 50 → the question's recommendations below 100, then sauvegarde's.
 */
export function recommendationsOf(
	question: Question,
	response: Response | undefined
): ChoiceRecommendation[] {
	if (response === undefined || response.type === 'notApplicable') return [];
	// With a « aucun de ces éléments » choice, nothing ticked is no answer yet (see scoring.ts).
	if (question.kind === 'multiple' && question.noneOfThese && response.type === 'choices')
		if (response.choices.length === 0) return [];
	const dontKnow = response.type === 'dontKnow';
	const score = dontKnow ? 0 : questionScore(question, response);
	if (score === null) return [];
	const out: ChoiceRecommendation[] = question.recommendations.filter(
		(r) => score < r.whenScoreBelow
	);
	if (question.kind === 'single' && response.type === 'choice') {
		const chosen = question.choices.find((c) => c.id === response.choice);
		if (chosen?.recommendation) out.push(chosen.recommendation);
	}
	if (question.kind === 'multiple') {
		const ticked = response.type === 'choices' ? response.choices : [];
		for (const c of question.choices)
			if (c.recommendation && !ticked.includes(c.id)) out.push(c.recommendation);
	}
	return out;
}
