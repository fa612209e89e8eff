import { describe, expect, it } from 'vitest';
import type { Response } from './answer.ts';
import { levelFor, questionScore, scoreGlobal, scoreQuestionnaire } from './scoring.ts';
import {
	answers,
	choice,
	defaultLevels,
	dontKnow,
	multiple,
	na,
	no,
	num,
	numberQ,
	questionnaire,
	scaleQ,
	single,
	text,
	textQ,
	ticks,
	yes,
	yesNo
} from './testing.ts';

const profile = { type: 'commune', population: 5000 } as const;

describe('questionScore', () => {
	const q = questionnaire([
		single('s', [0, 40, 100]),
		multiple('m', [50, 30, 40]),
		yesNo('b'),
		yesNo('neg', { scores: { yes: 0, no: 100 } }),
		scaleQ('sc', 1, 5),
		numberQ('n', [
			[0, 0],
			[20, 50],
			[80, 100]
		]),
		numberQ('n5', [
			[5, 60],
			[10, 100]
		]),
		textQ('t')
	]);
	const byId = (id: string) => q.questions.find((x) => x.id === id)!;

	it.each<[string, Response, number | null]>([
		['s', choice('c0'), 0],
		['s', choice('c1'), 40],
		['s', choice('c2'), 100],
		['s', choice('gone'), null],
		['s', yes, null],
		['m', ticks(), 0],
		['m', ticks('c1'), 30],
		['m', ticks('c0', 'c1'), 80],
		['m', ticks('c0', 'c1', 'c2'), 100], // 120 capped
		['m', ticks('c1', 'c1'), 30], // a tick counts once
		['m', ticks('c0', 'zz'), null],
		['m', choice('c0'), null],
		['b', yes, 100],
		['b', no, 0],
		['neg', yes, 0],
		['neg', no, 100],
		['sc', num(1), 0],
		['sc', num(3), 50],
		['sc', num(5), 100],
		['sc', num(6), null],
		['sc', num(2.5), null],
		['n', num(0), 0],
		['n', num(19.9), 0],
		['n', num(20), 50],
		['n', num(79), 50],
		['n', num(80), 100],
		['n', num(1e6), 100],
		['n5', num(4), 0], // below the first threshold
		['n5', num(5), 60],
		['t', text('x'), null]
	])('%s answered %j scores %s', (id, response, expected) => {
		expect(questionScore(byId(id), response)).toBe(expected);
	});
});

describe('scoreQuestionnaire', () => {
	// Two themes; b2 weighs 2 and is plannable.
	const q = questionnaire([
		single('a1', [0, 50, 100], { theme: 'a' }),
		single('a2', [0, 50, 100], { theme: 'a' }),
		single('b1', [0, 50, 100], { theme: 'b' }),
		single('b2', [0, 50, 100], { theme: 'b', weight: 2, plannable: true }),
		textQ('remarks', { theme: 'b' })
	]);

	it.each([
		{
			name: 'no answer: no score, coverage 0',
			given: {},
			score: null,
			coverage: 0,
			target: null,
			a: null,
			b: null
		},
		{
			name: 'all best answers',
			given: { a1: choice('c2'), a2: choice('c2'), b1: choice('c2'), b2: choice('c2') },
			score: 100,
			coverage: 100,
			target: 100,
			a: 100,
			b: 100
		},
		{
			name: 'weights: b2 counts twice',
			given: { a1: choice('c0'), a2: choice('c0'), b1: choice('c0'), b2: choice('c2') },
			score: 40, // (0+0+0+2×100) / 5
			coverage: 100,
			target: 40,
			a: 0,
			b: 200 / 3
		},
		{
			name: 'non applicable leaves the denominator',
			given: { a1: choice('c2'), a2: na, b1: na, b2: choice('c1') },
			score: (100 + 2 * 50) / 3,
			coverage: 100,
			target: (100 + 2 * 50) / 3,
			a: 100,
			b: 50
		},
		{
			name: "don't know scores 0 and lowers coverage",
			given: { a1: choice('c2'), a2: dontKnow, b1: choice('c2'), b2: choice('c2') },
			score: 80, // (100 + 0 + 100 + 200) / 5
			coverage: 80, // 4 of 5 weight really answered
			target: 80,
			a: 50,
			b: 100
		},
		{
			name: 'unanswered is out of the score but lowers coverage',
			given: { a1: choice('c2'), b1: choice('c1') },
			score: 75,
			coverage: 40,
			target: 75,
			a: 100,
			b: 50
		},
		{
			name: 'planned counts as done in the target only',
			given: {
				a1: choice('c1'),
				a2: choice('c1'),
				b1: choice('c1'),
				b2: [choice('c0'), { planned: true }]
			},
			score: 30, // (50+50+50+0) / 5
			coverage: 100,
			target: 70, // (50+50+50+200) / 5
			a: 50,
			b: 50 / 3
		},
		{
			name: 'planned but unanswered enters the target',
			given: { a1: choice('c2'), b2: [dontKnow, { planned: true }] },
			score: 100 / 3,
			coverage: 20,
			target: 100,
			a: 100,
			b: 0
		},
		{
			name: 'planned on a non-plannable question is ignored',
			given: { a1: [choice('c0'), { planned: true }] },
			score: 0,
			coverage: 20,
			target: 0,
			a: 0,
			b: null
		},
		{
			name: 'a stale answer (unknown choice) counts as unanswered',
			given: { a1: choice('c2'), a2: choice('removed') },
			score: 100,
			coverage: 20,
			target: 100,
			a: 100,
			b: null
		},
		{
			name: 'everything non applicable: no score and no coverage',
			given: { a1: na, a2: na, b1: na, b2: na },
			score: null,
			coverage: null,
			target: null,
			a: null,
			b: null
		}
	] as const)('$name', ({ given, score, coverage, target, a, b }) => {
		const r = scoreQuestionnaire(q, profile, answers(given as never));
		const close = (x: number | null, y: number | null) =>
			y === null ? expect(x).toBeNull() : expect(x).toBeCloseTo(y, 9);
		close(r.overall.score, score);
		close(r.overall.coverage, coverage);
		close(r.overall.target, target);
		close(r.themes['a']!.score, a);
		close(r.themes['b']!.score, b);
	});

	it('reports the status of every question, text included', () => {
		const r = scoreQuestionnaire(
			q,
			profile,
			answers({ a1: choice('c1'), a2: dontKnow, b1: na, remarks: text('RAS') })
		);
		expect(r.questions).toEqual([
			{ questionId: 'a1', status: 'answered', score: 50, planned: false },
			{ questionId: 'a2', status: 'dontKnow', score: 0, planned: false },
			{ questionId: 'b1', status: 'notApplicable', score: null, planned: false },
			{ questionId: 'b2', status: 'unanswered', score: null, planned: false },
			{ questionId: 'remarks', status: 'answered', score: null, planned: false }
		]);
		expect(r.overall.applicable).toBe(3);
		expect(r.overall.answered).toBe(1);
	});

	it('leaves out questions whose condition excludes them', () => {
		const cond = questionnaire([
			single('small', [0, 100], { applicableIf: { profile: 'population', lt: 3500 } }),
			single('big', [0, 100], { applicableIf: { profile: 'population', gte: 3500 } })
		]);
		const r = scoreQuestionnaire(
			cond,
			profile,
			answers({ small: choice('c0'), big: choice('c1') })
		);
		expect(r.questions.find((x) => x.questionId === 'small')?.status).toBe('notAsked');
		expect(r.overall.score).toBe(100);
		expect(r.overall.coverage).toBe(100);
	});

	it('the worked example of the doc comment holds', () => {
		const ex = questionnaire([
			single('q1', [0, 50, 100]),
			single('q2', [0, 50, 100]),
			single('q3', [0, 50, 100], { weight: 2, plannable: true }),
			single('q4', [0, 50, 100]),
			single('q5', [0, 50, 100])
		]);
		const r = scoreQuestionnaire(
			ex,
			profile,
			answers({ q1: choice('c2'), q2: dontKnow, q3: [choice('c1'), { planned: true }], q5: na })
		);
		expect(r.overall.score).toBe(50);
		expect(r.overall.coverage).toBe(60);
		expect(r.overall.target).toBe(75);
	});

	it('gives the maturity level of each score', () => {
		const r = scoreQuestionnaire(q, profile, answers({ a1: choice('c2'), a2: choice('c1') }));
		expect(r.themes['a']!.level?.id).toBe('en-progres'); // 75
		expect(r.overall.level?.id).toBe('en-progres');
		expect(r.themes['b']!.level).toBeNull();
	});
});

describe('levelFor', () => {
	it.each([
		[0, 'initial'],
		[39.99, 'initial'],
		[40, 'en-progres'],
		[79.9, 'en-progres'],
		[80, 'avance'],
		[100, 'avance']
	])('%s → %s', (score, level) => {
		expect(levelFor(defaultLevels as never, score)?.id).toBe(level);
	});
	it('null score, null level', () => expect(levelFor(defaultLevels as never, null)).toBeNull());
});

describe('scoreGlobal', () => {
	const a = questionnaire([single('x', [0, 100])], { id: 'a' });
	const long = questionnaire(
		Array.from({ length: 10 }, (_, i) => single(`y${i}`, [0, 100])),
		{ id: 'long' }
	);
	it('weighs each questionnaire the same, whatever its length', () => {
		const ra = scoreQuestionnaire(a, profile, answers({ x: choice('c1') }));
		const rl = scoreQuestionnaire(
			long,
			profile,
			answers(Object.fromEntries(long.questions.map((x) => [x.id, choice('c0')])))
		);
		const g = scoreGlobal([ra, rl], a.levels);
		expect(g.score).toBe(50);
		expect(g.coverage).toBe(100);
		expect(g.level?.id).toBe('en-progres');
		expect(g.applicable).toBe(11);
	});
	it('leaves out questionnaires not started', () => {
		const ra = scoreQuestionnaire(a, profile, answers({ x: choice('c1') }));
		const rl = scoreQuestionnaire(long, profile, {});
		expect(scoreGlobal([ra, rl], a.levels).score).toBe(100);
		expect(scoreGlobal([rl], a.levels).score).toBeNull();
	});
});

describe('format v2: « aucun de ces éléments » and « non applicable » on demand', () => {
	const none = { noneOfThese: { id: 'aucun', label: { fr: 'Aucun de ces éléments' } } };
	const v2 = {
		version: 2,
		lawAsOf: '2026-11-30',
		migration: { from: 1 }
	} as const;
	const q = questionnaire(
		[
			multiple('m', [50, 50], none),
			single('s', [0, 100]),
			single('na-ok', [0, 100], { notApplicable: true })
		],
		v2
	);
	const byId = (id: string) => q.questions.find((x) => x.id === id)!;
	const status = (a: ReturnType<typeof answers>) =>
		scoreQuestionnaire(q, profile, a).questions.map((r) => [r.questionId, r.status, r.score]);

	it('scores « aucun » 0, alone only', () => {
		expect(questionScore(byId('m'), ticks('aucun'))).toBe(0);
		expect(questionScore(byId('m'), ticks('aucun', 'aucun'))).toBe(0);
		expect(questionScore(byId('m'), ticks('c0', 'aucun'))).toBeNull();
		expect(questionScore(byId('m'), ticks('c0', 'c1'))).toBe(100);
	});

	it('tells « aucun » (answered 0) from nothing ticked (unanswered) and from both (invalid)', () => {
		expect(status(answers({ m: ticks('aucun') }))[0]).toEqual(['m', 'answered', 0]);
		expect(status(answers({ m: ticks() }))[0]).toEqual(['m', 'unanswered', null]);
		expect(status(answers({ m: ticks('aucun', 'c1') }))[0]).toEqual(['m', 'invalid', null]);
	});

	it('nothing ticked still scores 0 where there is no « aucun » choice (version 1 rule)', () => {
		const v1 = questionnaire([multiple('m', [50, 50])]);
		expect(scoreQuestionnaire(v1, profile, answers({ m: ticks() })).questions[0]).toMatchObject({
			status: 'answered',
			score: 0
		});
	});

	it('« non applicable » on a v2 question that does not allow it is invalid and stays in the means', () => {
		const scores = scoreQuestionnaire(q, profile, answers({ s: na, m: ticks('c0', 'c1') }));
		expect(scores.questions[1]).toMatchObject({ questionId: 's', status: 'invalid' });
		// m answered 100; s invalid: applicable, not answered (coverage 1 of 3), out of the score.
		expect(scores.overall).toMatchObject({ score: 100, applicable: 3, answered: 1 });
		expect(scores.overall.coverage).toBeCloseTo(100 / 3);
	});

	it('« non applicable » where allowed takes the question out of the theme and questionnaire means', () => {
		const scores = scoreQuestionnaire(
			q,
			profile,
			answers({ 'na-ok': na, s: choice('c0'), m: ticks('c0', 'c1') })
		);
		expect(scores.questions[2]).toMatchObject({ status: 'notApplicable', score: null });
		expect(scores.overall).toMatchObject({ score: 50, coverage: 100, applicable: 2 });
		expect(scores.themes['a']).toMatchObject({ score: 50, coverage: 100, applicable: 2 });
	});

	it('version 1 questions keep « non applicable » on every question', () => {
		const v1 = questionnaire([single('s', [0, 100]), single('t', [0, 100])]);
		const scores = scoreQuestionnaire(v1, profile, answers({ s: na, t: choice('c1') }));
		expect(scores.questions[0]!.status).toBe('notApplicable');
		expect(scores.overall).toMatchObject({ score: 100, coverage: 100, applicable: 1 });
	});
});
