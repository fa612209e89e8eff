import { describe, expect, it } from 'vitest';
import { describeAnswer } from '../domain/answer-label.ts';
import type { Answer } from '../domain/answer.ts';
import { multiple, questionnaire, single } from '../domain/testing.ts';
import { answerLabel } from './answer.ts';
import { useLocale } from './testing.ts';

const q = questionnaire([
	single('a', [0, 100], {
		choices: [
			{ id: 'c0', label: { fr: 'Aucune', en: 'None' }, score: 0 },
			{ id: 'c1', label: { fr: 'Complète' }, score: 100 }
		]
	}),
	multiple('b', [50, 50])
]);
const [a, b] = q.questions;
const answers: [typeof a, Answer | undefined][] = [
	[a, undefined],
	[a, { response: { type: 'dontKnow' } }],
	[a, { response: { type: 'notApplicable' } }],
	[a, { response: { type: 'boolean', value: true } }],
	[a, { response: { type: 'number', value: 1234.5 } }],
	[a, { response: { type: 'choice', choice: 'c0' } }],
	[b, { response: { type: 'choices', choices: [] } }]
];

describe('answers in words', () => {
	it('the domain gives codes, and the choice labels in the wanted language', () => {
		expect(describeAnswer(a, { response: { type: 'dontKnow' } }, 'en')).toEqual({
			code: 'dont_know'
		});
		// No English for « Complète »: the French label, marked as such.
		expect(describeAnswer(a, { response: { type: 'choice', choice: 'c1' } }, 'en')).toEqual({
			code: 'choices',
			labels: [{ text: 'Complète', lang: 'fr' }]
		});
	});

	it('names « aucun de ces éléments » by its label', () => {
		const v2 = questionnaire(
			[
				multiple('m', [50, 50], {
					noneOfThese: { id: 'aucun', label: { fr: 'Aucun de ces éléments', en: 'None of these' } }
				})
			],
			{ version: 2 }
		);
		const none = { response: { type: 'choices' as const, choices: ['aucun'] } };
		expect(describeAnswer(v2.questions[0], none, 'en')).toEqual({
			code: 'choices',
			labels: [{ text: 'None of these', lang: 'en' }]
		});
		useLocale('fr');
		expect(answerLabel(v2.questions[0], none)).toBe('Aucun de ces éléments');
	});

	it('in French', () => {
		expect(answers.map(([x, y]) => answerLabel(x, y).replace(/\u202f/g, ' '))).toEqual([
			'pas de réponse',
			'je ne sais pas',
			'non applicable',
			'oui',
			'1 234,5',
			'Aucune',
			'aucune case cochée'
		]);
	});

	it('in English', () => {
		useLocale('en');
		expect(answers.map(([x, y]) => answerLabel(x, y))).toEqual([
			'no answer',
			"don't know",
			'not applicable',
			'yes',
			'1,234.5',
			'None',
			'nothing ticked'
		]);
	});
});
