import { m } from '$lib/paraglide/messages';
import type { Answer } from '../domain/answer.ts';
import { describeAnswer } from '../domain/answer-label.ts';
import type { Question } from '../domain/questionnaire.ts';
import { formatNumber } from './format.ts';
import { locale } from './locale.ts';

const words = {
	none: m.answer_none,
	dont_know: m.answer_dont_know,
	not_applicable: m.answer_not_applicable,
	yes: m.answer_yes,
	no: m.answer_no,
	none_ticked: m.answer_none_ticked
};

/**
 * An answer in words, as the officer gave it, in the language of the page:
 * « Une idée générale », « je ne sais pas », « 6 » / "A general idea", "don't know", "6".
 */
export function answerLabel(question: Question | undefined, answer: Answer | undefined): string {
	const d = describeAnswer(question, answer, locale());
	switch (d.code) {
		case 'number':
			return formatNumber(d.value);
		case 'text':
			return d.text;
		case 'choices':
			return d.labels.map((l) => l.text).join(', ');
		default:
			return words[d.code]();
	}
}
