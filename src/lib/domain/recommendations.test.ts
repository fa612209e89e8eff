import { describe, expect, it } from 'vitest';
import type { QuestionnaireInput } from './questionnaire.ts';
import { recommendationsOf } from './recommendations.ts';
import { choice, dontKnow, multiple, na, questionnaire, single, ticks } from './testing.ts';

const rec = (title: string, extra: object = {}) => ({
	title: { fr: title },
	why: { fr: 'Pourquoi.' },
	how: { fr: 'Comment.' },
	effort: 'low' as const,
	impact: 'high' as const,
	...extra
});

type QuestionInput = QuestionnaireInput['questions'][number];
/** Gives choice `cN` the recommendation titled `titles[N]` (none where undefined). */
function withChoiceRecommendations(q: QuestionInput, titles: (string | undefined)[]) {
	const choices = (q as { choices: { recommendation?: unknown }[] }).choices;
	titles.forEach((t, i) => {
		if (t) choices[i]!.recommendation = rec(t);
	});
	return q;
}

const q = questionnaire([
	withChoiceRecommendations(
		single('s', [0, 50, 100], { recommendations: [rec('Q-s', { whenScoreBelow: 60 })] }),
		['S0', 'S1', undefined]
	),
	withChoiceRecommendations(
		multiple('m', [50, 30, 20], {
			noneOfThese: { id: 'aucun', label: { fr: 'Aucun' } },
			recommendations: [rec('Q-m')]
		}),
		['M0', undefined, 'M2']
	)
]);
const [s, m] = q.questions as [(typeof q.questions)[0], (typeof q.questions)[0]];
const titles = (xs: { title: { fr: string } }[]) => xs.map((x) => x.title.fr);

describe('recommendationsOf', () => {
	it('single: the question recommendations below their score, then the chosen choice', () => {
		expect(titles(recommendationsOf(s, choice('c0')))).toEqual(['Q-s', 'S0']);
		expect(titles(recommendationsOf(s, choice('c1')))).toEqual(['Q-s', 'S1']);
		expect(titles(recommendationsOf(s, choice('c2')))).toEqual([]);
	});

	it('multiple: the recommendation of every choice not ticked', () => {
		expect(titles(recommendationsOf(m, ticks('c0')))).toEqual(['Q-m', 'M2']);
		expect(titles(recommendationsOf(m, ticks('c1', 'c2')))).toEqual(['Q-m', 'M0']);
		expect(titles(recommendationsOf(m, ticks('c0', 'c1', 'c2')))).toEqual([]);
	});

	it('« aucun de ces éléments » ticks nothing: every choice recommendation', () => {
		expect(titles(recommendationsOf(m, ticks('aucun')))).toEqual(['Q-m', 'M0', 'M2']);
	});

	it('« je ne sais pas » scores 0 and ticks nothing, but picks no single choice', () => {
		expect(titles(recommendationsOf(m, dontKnow))).toEqual(['Q-m', 'M0', 'M2']);
		expect(titles(recommendationsOf(s, dontKnow))).toEqual(['Q-s']);
	});

	it('no answer, nothing ticked beside « aucun », « non applicable » or an invalid answer: none', () => {
		expect(recommendationsOf(s, undefined)).toEqual([]);
		expect(recommendationsOf(m, ticks())).toEqual([]);
		expect(recommendationsOf(s, na)).toEqual([]);
		expect(recommendationsOf(m, ticks('aucun', 'c0'))).toEqual([]);
		expect(recommendationsOf(s, choice('gone'))).toEqual([]);
	});
});
