import { describe, expect, it } from 'vitest';
import { actionPlan, NOW_LIMIT, priorities, PRIORITY_LIMIT } from './action-plan.ts';
import { distinctObligations, obligationKey, obligations } from './obligations.ts';
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

describe('one obligation asked twice', () => {
	const breach = (reference: string) => ({
		reference,
		text: { fr: 'notifier' },
		metFromScore: 100
	});
	const cyber = questionnaire(
		[
			single('violation', [0, 100], {
				legalBasis: breach('RGPD (règlement (UE) 2016/679), art. 33 et 34'),
				recommendations: [rec('low', 'high')]
			}),
			single('mfa', [0, 100], { recommendations: [rec('low', 'high')] })
		],
		{ id: 'cyber' }
	);
	const data = questionnaire(
		[
			single('violations', [0, 100], {
				legalBasis: breach('RGPD art. 33 et 34'),
				recommendations: [rec('low', 'high')]
			})
		],
		{ id: 'data' }
	);
	const parts = (a: string, b: string) =>
		[
			[cyber, answers({ violation: choice(a), mfa: choice('c0') })],
			[data, answers({ violations: choice(b) })]
		].map(([q, given]) => {
			const questionnaire = q as typeof cyber;
			const a = given as ReturnType<typeof answers>;
			return {
				questionnaire,
				answers: a,
				scores: scoreQuestionnaire(questionnaire, { type: 'commune' }, a)
			};
		});

	it('has one key whatever the parentheses and spelling of the reference', () => {
		expect(obligationKey({ reference: 'RGPD (règlement (UE) 2016/679), art. 33 et 34' })).toBe(
			obligationKey({ reference: 'RGPD article 33 et 34' })
		);
	});

	it('counts once in the obligations, with the status that asks for action', () => {
		const [c, d] = parts('c1', 'c0');
		const list = distinctObligations([
			obligations(c!.questionnaire, c!.scores),
			obligations(d!.questionnaire, d!.scores)
		]);
		expect(list.map((o) => [o.questionnaireId, o.question.id, o.status])).toEqual([
			['cyber', 'violation', 'notMet']
		]);
		expect(list[0]!.alsoAskedIn.map((x) => x.question.id)).toEqual(['violations']);
	});

	it('gives actions once in the plan and once in the priorities', () => {
		const plan = actionPlan(parts('c0', 'c0'));
		expect(plan.map((a) => a.key)).toEqual(['cyber/violation/r0', 'cyber/mfa/r0']);
		expect(priorities(plan).map((a) => a.question.id)).toEqual(['violation', 'mfa']);
	});
});

describe('priorities and « now »', () => {
	const many = questionnaire(
		Array.from({ length: 14 }, (_, i) =>
			single(`q${i}`, [i * 5, 100], {
				recommendations: [rec('low', 'high'), rec('low', 'low')]
			})
		)
	);
	const given = answers(Object.fromEntries(many.questions.map((q) => [q.id, choice('c0')])));
	const plan = actionPlan([
		{
			questionnaire: many,
			answers: given,
			scores: scoreQuestionnaire(many, { type: 'commune' }, given)
		}
	]);

	it('keeps at most ten actions « now », the first of the ranking, and defers the rest', () => {
		const now = plan.filter((a) => a.horizon === 'now');
		expect(now).toHaveLength(NOW_LIMIT);
		expect(plan.slice(0, NOW_LIMIT).every((a) => a.horizon === 'now')).toBe(true);
		expect(plan.slice(NOW_LIMIT).map((a) => [a.horizon, a.deferred])).toEqual(
			Array(plan.length - NOW_LIMIT).fill(['6months', true])
		);
	});

	it('gives at most five priorities, one per question, best first', () => {
		expect(priorities(plan).map((a) => a.key)).toEqual([
			'test/q0/r0',
			'test/q1/r0',
			'test/q2/r0',
			'test/q3/r0',
			'test/q4/r0'
		]);
		expect(PRIORITY_LIMIT).toBe(5);
	});
});

describe('peerPosition', () => {
	const quantiles = { p10: 20, p25: 40, p50: 55, p75: 70, p90: 85 };
	it.each([
		[10, 'bottomTenth', 'bottomQuarter'],
		[20, 'bottomQuarter', 'bottomQuarter'],
		[45, 'lowerMiddle', 'lowerMiddle'],
		[58, 'upperMiddle', 'upperMiddle'],
		[70, 'topQuarter', 'topQuarter'],
		[99, 'topTenth', 'topQuarter']
	])('%s → %s from 20 peers, %s under 20', (score, many, few) => {
		expect(peerPosition(score, { ...quantiles, n: 20 })).toBe(many);
		expect(peerPosition(score, { ...quantiles, n: 19 })).toBe(few);
	});
});
