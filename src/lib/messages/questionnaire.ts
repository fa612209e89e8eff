import { m } from '$lib/paraglide/messages';
import { formatNumber } from './format.ts';
import { locale } from './locale.ts';

const counts = {
	question: [m.questionnaire_question_count_one, m.questionnaire_question_count_other],
	theme: [m.questionnaire_theme_count_one, m.questionnaire_theme_count_other],
	obligation: [m.questionnaire_obligation_count_one, m.questionnaire_obligation_count_other]
} as const;

/**
 * « 1 question », « 12 questions », « 3 obligations légales » / "3 legal obligations". The
 * singular follows each language's rule: 0 and 1 in French, 1 only in English.
 */
export function questionnaireCount(what: keyof typeof counts, n: number): string {
	const [singular, plural] = counts[what];
	return (pluralOf(n) === 'one' ? singular : plural)({ count: formatNumber(n) });
}

/** `one` or `other`, for the keys a page chooses between (`…_one`, `…_other`). */
export const pluralOf = (n: number): 'one' | 'other' =>
	new Intl.PluralRules(locale() === 'en' ? 'en-GB' : 'fr-FR').select(n) === 'one' ? 'one' : 'other';
