/**
 * Rules on one question of a questionnaire. No zod here (the schemas are in `questionnaire.ts`):
 * the answering and results pages load this module, and the schemas would add ~27 KB (gzip).
 */
import type { Choice, ChoiceQuestion, Question } from './questionnaire.ts';

/** The first version of a questionnaire written in format v2 (see questionnaires/README.md). */
export const FORMAT_V2 = 2;

/**
 * Whether « non applicable » is an answer to this question. A question built by hand (not parsed)
 * without the flag keeps the version 1 rule: allowed.
 */
export function allowsNotApplicable(q: Question): boolean {
	return q.notApplicable !== false;
}

/**
 * Every choice that can be ticked or picked, the « aucun de ces éléments » one included (score 0).
 * Use it wherever a choice id is looked up (labels, conditions, migrations).
 */
export function allChoices(q: ChoiceQuestion): Choice[] {
	return q.kind === 'multiple' && q.noneOfThese
		? [...q.choices, { ...q.noneOfThese, score: 0 }]
		: q.choices;
}

/**
 * The choices ticked after ticking (`on`) or unticking `choiceId` on a `multiple` question:
 * « aucun de ces éléments » is exclusive, so ticking it unticks the others and ticking another
 * unticks it. Example: ticked [mfa], tick « aucun » → [aucun]; then tick mfa → [mfa].
 */
export function tickChoice(
	q: Question,
	ticked: readonly string[],
	choiceId: string,
	on: boolean
): string[] {
	const none = q.kind === 'multiple' ? q.noneOfThese?.id : undefined;
	if (on && choiceId === none) return [choiceId];
	const others = ticked.filter((c) => c !== choiceId && c !== none);
	return on ? [...others, choiceId] : others;
}

/** The highest score a question can give: used by coherence and by the action plan. */
export function maxScore(q: Question): number | null {
	switch (q.kind) {
		case 'single':
			return Math.max(...q.choices.map((c) => c.score));
		case 'multiple':
			return Math.min(
				100,
				q.choices.reduce((s, c) => s + c.score, 0)
			);
		case 'boolean':
			return Math.max(q.scores.yes, q.scores.no);
		case 'scale':
			return 100;
		case 'number':
			return Math.max(...q.thresholds.map((t) => t.score));
		case 'text':
			return null;
	}
}

/** The lowest score a question can give. */
export function minScore(q: Question): number | null {
	switch (q.kind) {
		case 'single':
			return Math.min(...q.choices.map((c) => c.score));
		case 'multiple':
			return 0;
		case 'boolean':
			return Math.min(q.scores.yes, q.scores.no);
		case 'scale':
			return 0;
		case 'number':
			return Math.min(0, ...q.thresholds.map((t) => t.score));
		case 'text':
			return null;
	}
}
