import { describe, expect, it } from 'vitest';
import { actionPlan } from './action-plan.ts';
import { obligations } from './obligations.ts';
import { peerPosition } from './peer-position.ts';
import { scoreQuestionnaire } from './scoring.ts';
import {
	answers,
	choice,
	dontKnow,
	multiple,
	na,
	questionnaire,
	single,
	ticks
} from './testing.ts';

const rec = (effort: 'low' | 'medium' | 'high', impact: 'low' | 'medium' | 'high', extra = {}) => ({
	title: { fr: `agir ${effort}/${impact}` },
	why: { fr: 'parce que' },
	how: { fr: 'ainsi' },
	effort,
	impact,
	...extra
});
const law = { reference: 'Loi 1', text: { fr: 'obligation' }, metFromScore: 50 };
const q = questionnaire([
	single('loi', [0, 50, 100], { legalBasis: law, recommendations: [rec('high', 'low')] }),
	single('loi-ok', [0, 50, 100], { legalBasis: law, recommendations: [rec('high', 'low')] }),
	single('loi-inconnue', [0, 50, 100], { legalBasis: law, recommendations: [rec('low', 'low')] }),
	single('loi-na', [0, 100], { legalBasis: law, recommendations: [rec('low', 'low')] }),
	single('pratique', [0, 50, 100], { weight: 2, recommendations: [rec('medium', 'high')] }),
	single('petit-pas', [0, 50, 100], {
		recommendations: [rec('low', 'medium'), rec('high', 'high', { whenScoreBelow: 40 })]
	}),
	single('prevu', [0, 50, 100], { plannable: true, recommendations: [rec('medium', 'medium')] }),
	single('parfait', [0, 100], { recommendations: [rec('low', 'high')] }),
	single('loin', [0, 100], {
		applicableIf: { profile: 'population', gte: 100000 },
		legalBasis: law
	})
]);
const given = answers({
	loi: choice('c0'),
	'loi-ok': choice('c1'),
	'loi-inconnue': dontKnow,
	'loi-na': na,
	pratique: choice('c1'),
	'petit-pas': choice('c1'),
	prevu: [choice('c0'), { planned: true }],
	parfait: choice('c1')
});
const scores = scoreQuestionnaire(q, { type: 'commune', population: 5000 }, given);

describe('obligations', () => {
	it('lists the obligations asked of this territory with what the answers show', () => {
		expect(obligations(q, scores).map((o) => [o.question.id, o.status])).toEqual([
			['loi', 'notMet'],
			['loi-ok', 'met'],
			['loi-inconnue', 'unknown'],
			['loi-na', 'declaredNotApplicable']
		]);
	});
});

describe('actionPlan', () => {
	const plan = actionPlan([{ questionnaire: q, answers: given, scores }]);
	const rows = plan.map((a) => [a.question.id, a.obligation, a.gap, a.priority, a.horizon]);

	it('puts the unmet obligations first, then ranks by gap × weight × impact ÷ effort', () => {
		expect(rows).toEqual([
			['loi-inconnue', true, 100, 100, 'now'], // "je ne sais pas" on an obligation: find out now
			['loi', true, 100, 100 / 3, 'now'],
			['pratique', false, 50, 150, '6months'], // 50 × 2 × 3 ÷ 2
			['petit-pas', false, 50, 100, 'now'], // 50 × 1 × 2 ÷ 1; its second recommendation needs < 40
			['prevu', false, 100, 100, '12months'], // same priority, more effort; already planned
			['loi-ok', false, 50, 50 / 3, '12months'] // met, yet short of the best answer
		]);
	});

	it('breaks a tie of priority by less effort, then by a larger gap, whatever the question order', () => {
		// Each pair ties on priority; the question listed first loses the tie-break.
		const tied = questionnaire([
			single('effort-moyen', [0, 100], { recommendations: [rec('medium', 'low')] }), // 100 × 1 × 1 ÷ 2
			single('effort-faible', [0, 50, 100], { recommendations: [rec('low', 'low')] }), // 50 × 1 × 1 ÷ 1
			single('petit-ecart', [0, 50, 100], { weight: 4, recommendations: [rec('low', 'low')] }), // 50 × 4
			single('grand-ecart', [0, 100], { weight: 2, recommendations: [rec('low', 'low')] }) // 100 × 2
		]);
		const tiedAnswers = answers({
			'effort-moyen': choice('c0'),
			'effort-faible': choice('c1'),
			'petit-ecart': choice('c1'),
			'grand-ecart': choice('c0')
		});
		const tiedScores = scoreQuestionnaire(tied, { type: 'commune', population: 5000 }, tiedAnswers);
		expect(
			actionPlan([{ questionnaire: tied, answers: tiedAnswers, scores: tiedScores }]).map((a) => [
				a.question.id,
				a.priority
			])
		).toEqual([
			['grand-ecart', 200],
			['petit-ecart', 200],
			['effort-faible', 50],
			['effort-moyen', 50]
		]);
	});

	it('takes the per-choice recommendations of the chosen (single) or unticked (multiple) choices', () => {
		const withChoice = (id: string, q: ReturnType<typeof single>, titles: (string | null)[]) => {
			const choices = (q as { choices: { recommendation?: unknown }[] }).choices;
			titles.forEach((t, i) => {
				if (t) choices[i]!.recommendation = rec('low', 'high', { title: { fr: t } });
			});
			return { ...q, id };
		};
		const v2 = questionnaire(
			[
				withChoice('sauvegarde', single('sauvegarde', [0, 60, 100]), [
					'externaliser',
					'tester',
					null
				]),
				withChoice('outils', multiple('outils', [50, 50]), ['mfa', 'chiffrer']),
				withChoice('tout', multiple('tout', [50, 50]), ['jamais', 'vu'])
			],
			{ version: 2 }
		);
		const given2 = answers({
			sauvegarde: choice('c1'),
			outils: ticks('c0'),
			tout: ticks('c0', 'c1')
		});
		const s2 = scoreQuestionnaire(v2, { type: 'commune', population: 5000 }, given2);
		const rows2 = actionPlan([{ questionnaire: v2, answers: given2, scores: s2 }]).map((a) => [
			a.question.id,
			a.recommendation.title.fr,
			a.gap
		]);
		expect(rows2).toEqual([
			['outils', 'chiffrer', 50], // 50 × 1 × 3 ÷ 1 = 150
			['sauvegarde', 'tester', 40] // 40 × 1 × 3 ÷ 1 = 120; not 'externaliser', not chosen
		]);
	});

	it('leaves out best answers, unanswered, not asked and non-applicable questions', () => {
		const ids = plan.map((a) => a.question.id);
		for (const id of ['loi-na', 'parfait', 'loin']) expect(ids).not.toContain(id);
	});
});

describe('peerPosition', () => {
	const quantiles = { p10: 20, p25: 40, p50: 55, p75: 70, p90: 85 };
	it.each([
		[10, 'belowP10'],
		[20, 'p10to25'],
		[45, 'p25to50'],
		[58, 'p50to75'],
		[70, 'p75to90'],
		[99, 'aboveP90']
	])('%s → %s', (score, position) => expect(peerPosition(score, quantiles)).toBe(position));
});
