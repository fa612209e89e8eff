import type { Answer } from './answer.ts';
import { localize } from './localize.ts';
import type { Question } from './questionnaire.ts';

/** An answer in words, as the officer gave it: « Une idée générale », « je ne sais pas », « 6 ». */
export function answerLabel(question: Question | undefined, answer: Answer | undefined): string {
	const r = answer?.response;
	if (!r) return 'pas de réponse';
	switch (r.type) {
		case 'dontKnow':
			return 'je ne sais pas';
		case 'notApplicable':
			return 'non applicable';
		case 'boolean':
			return r.value ? 'oui' : 'non';
		case 'number':
			return String(r.value).replace('.', ',');
		case 'text':
			return r.value;
		case 'choice':
		case 'choices': {
			const ids = r.type === 'choice' ? [r.choice] : r.choices;
			const choices = question && 'choices' in question ? question.choices : [];
			const labels = ids.map((id) => {
				const c = choices.find((x) => x.id === id);
				return c ? localize(c.label) : id;
			});
			return labels.join(', ') || 'aucune case cochée';
		}
	}
}
