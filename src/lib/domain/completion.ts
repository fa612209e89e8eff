import type { Answer, AnswerSet } from './answer.ts';
import { askedFlags } from './applicability.ts';
import type { Profile } from './profile.ts';
import type { Question, Questionnaire } from './questionnaire.ts';

/**
 * Whether an answer counts as given: it has a response (« je ne sais pas » and « non applicable »
 * included), and on a `multiple` question with an « aucun de ces éléments » choice, something is
 * ticked — nothing ticked there is no answer yet (the officer ticks « aucun » to say none), as
 * the scores count it.
 */
export function hasResponse(question: Question, answer: Answer | undefined): boolean {
	const r = answer?.response;
	if (r === undefined) return false;
	if (question.kind === 'multiple' && question.noneOfThese && r.type === 'choices')
		return r.choices.length > 0;
	return true;
}

/** How far a questionnaire (or one of its themes) is answered. */
export interface Completion {
	/** Questions asked that have a response. */
	done: number;
	/** Questions asked: those whose condition holds for this profile and these answers. */
	total: number;
}

/**
 * The one measure of how far a questionnaire is answered, for the answering page, the diagnostic's
 * overview, the list of diagnostics and the results. A question counts when it is asked (its
 * `applicableIf` holds); it is done when it has a response — « je ne sais pas » and « non
 * applicable » are responses, a comment or a plan alone is not, nor a question with an « aucun de
 * ces éléments » choice where nothing is ticked (see `hasResponse`). Answering a question can ask or
 * un-ask others, so the total moves with the answers.
 *
 * Example: questions a, b and c, c asked only when a is « oui »: no answer → 0 / 2; a « non » →
 * 1 / 2; a « oui » → 1 / 3; a « oui », c « je ne sais pas » → 2 / 3.
 */
export function completion(
	questionnaire: Questionnaire,
	profile: Partial<Profile>,
	answers: AnswerSet,
	themeId?: string
): Completion {
	const asked = askedFlags(questionnaire, profile, answers);
	let done = 0;
	let total = 0;
	questionnaire.questions.forEach((q, i) => {
		if (!asked[i] || (themeId !== undefined && q.theme !== themeId)) return;
		total++;
		if (hasResponse(q, answers[q.id])) done++;
	});
	return { done, total };
}

/** Completion as a whole percentage, 100 when nothing is asked (1 / 3 → 33). */
export function completionPercent({ done, total }: Completion): number {
	return total === 0 ? 100 : Math.floor((done / total) * 100);
}
