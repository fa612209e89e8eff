import type { Answer } from './answer.ts';
import { localize, type Locale } from './localize.ts';
import { allChoices } from './question-rules.ts';
import type { Question } from './questionnaire.ts';

/**
 * An answer as the officer gave it, in codes: the built-in answers (« je ne sais pas »…) are said
 * by the message catalog (`src/lib/messages/answer.ts`); a number, a text or the labels of the
 * ticked choices are the officer's or the questionnaire's own words.
 */
export type AnswerDescription =
	| { code: 'none' | 'dont_know' | 'not_applicable' | 'yes' | 'no' | 'none_ticked' }
	| { code: 'number'; value: number }
	| { code: 'text'; text: string }
	/** Each label in the wanted locale; `lang` is `fr` where the English is missing. */
	| { code: 'choices'; labels: { text: string; lang: Locale }[] };

/** `{ response: { type: 'choice', choice: 'c1' } }` → `{ code: 'choices', labels: [« Une idée générale »] }`. */
export function describeAnswer(
	question: Question | undefined,
	answer: Answer | undefined,
	locale: Locale = 'fr'
): AnswerDescription {
	const r = answer?.response;
	if (!r) return { code: 'none' };
	switch (r.type) {
		case 'dontKnow':
			return { code: 'dont_know' };
		case 'notApplicable':
			return { code: 'not_applicable' };
		case 'boolean':
			return { code: r.value ? 'yes' : 'no' };
		case 'number':
			return { code: 'number', value: r.value };
		case 'text':
			return { code: 'text', text: r.value };
		case 'choice':
		case 'choices': {
			const ids = r.type === 'choice' ? [r.choice] : r.choices;
			if (ids.length === 0) return { code: 'none_ticked' };
			// « Aucun de ces éléments » is named by its label too.
			const choices =
				question?.kind === 'single' || question?.kind === 'multiple' ? allChoices(question) : [];
			const labels = ids.map((id) => {
				const c = choices.find((x) => x.id === id);
				if (!c) return { text: id, lang: locale };
				return { text: localize(c.label, locale), lang: c.label[locale] ? locale : 'fr' };
			});
			return { code: 'choices', labels };
		}
	}
}
