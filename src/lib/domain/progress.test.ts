import { describe, expect, it } from 'vitest';
import { compareWithEarlier, completion, completionPercent, scoreDelta } from './progress.ts';
import {
	answers,
	choice,
	dontKnow,
	multiple,
	na,
	questionnaire,
	single,
	text,
	textQ,
	ticks,
	yesNo,
	yes,
	no
} from './testing.ts';

const v1 = questionnaire([single('a', [0, 50, 100]), single('b', [0, 100]), yesNo('c')], {
	id: 'q'
});
const v2 = questionnaire(
	[single('a', [0, 50, 100]), single('b', [0, 100]), yesNo('c'), yesNo('d')],
	{
		id: 'q',
		version: 2,
		migration: { from: 1 }
	}
);
const profile = { type: 'commune' as const };

describe('completion', () => {
	const q = questionnaire([
		yesNo('a', { theme: 't1' }),
		yesNo('b', { theme: 't2' }),
		yesNo('c', { theme: 't1', applicableIf: { question: 'a', equals: true } }),
		textQ('d', { theme: 't2', applicableIf: { profile: 'type', in: ['region'] } })
	]);

	it('counts the questions asked and those with a response (the worked example)', () => {
		expect(completion(q, profile, {})).toEqual({ done: 0, total: 2 });
		expect(completion(q, profile, answers({ a: no }))).toEqual({ done: 1, total: 2 });
		expect(completion(q, profile, answers({ a: yes }))).toEqual({ done: 1, total: 3 });
		expect(completion(q, profile, answers({ a: yes, c: dontKnow }))).toEqual({
			done: 2,
			total: 3
		});
	});

	it('counts « non applicable » as a response, a comment or a plan alone as none', () => {
		expect(
			completion(q, profile, { a: { response: na }, b: { comment: 'à voir', planned: true } })
		).toEqual({ done: 1, total: 2 });
	});

	it('counts nothing ticked as no answer where « aucun de ces éléments » can be ticked', () => {
		const withNone = questionnaire([
			multiple('m', [50, 50], { noneOfThese: { id: 'aucun', label: { fr: 'Aucun' } } }),
			multiple('p', [50, 50])
		]);
		const empty = ticks();
		expect(completion(withNone, profile, answers({ m: empty, p: empty }))).toEqual({
			done: 1,
			total: 2
		});
		expect(completion(withNone, profile, answers({ m: ticks('aucun'), p: empty }))).toEqual({
			done: 2,
			total: 2
		});
	});

	it('follows the profile and can be read for one theme', () => {
		const region = { type: 'region' as const };
		expect(completion(q, region, answers({ a: yes, b: no }))).toEqual({ done: 2, total: 4 });
		expect(completion(q, region, answers({ a: yes, b: no }), 't1')).toEqual({
			done: 1,
			total: 2
		});
	});

	it('gives a whole percentage, rounded down so that 100 means done', () => {
		expect(completionPercent({ done: 1, total: 3 })).toBe(33);
		expect(completionPercent({ done: 199, total: 200 })).toBe(99);
		expect(completionPercent({ done: 0, total: 0 })).toBe(100);
	});
});

describe('compareWithEarlier', () => {
	it('compares the same version question by question', () => {
		const p = compareWithEarlier(
			v1,
			answers({ a: choice('c2'), b: choice('c1'), c: no }),
			answers({ a: choice('c0'), b: choice('c1'), c: yes }),
			1,
			[v1],
			profile
		);
		expect(p.before.score).toBeCloseTo(200 / 3);
		expect(p.after.score).toBeCloseTo(200 / 3);
		expect(p.changes.map((c) => [c.question.id, c.before, c.after])).toEqual([
			['a', 0, 100],
			['c', 100, 0]
		]);
		expect(p.comparableShare).toBe(1);
	});

	it('carries the earlier answers to the new version and says how much is comparable', () => {
		const p = compareWithEarlier(
			v2,
			answers({ a: choice('c1'), b: choice('c1'), c: yes, d: yes }),
			answers({ a: choice('c1'), b: choice('c0'), c: yes }),
			1,
			[v1, v2],
			profile
		);
		expect(p.earlierVersion).toBe(1);
		expect(p.version).toBe(2);
		expect(p.changes.map((c) => c.question.id)).toEqual(['b']);
		expect(p.comparableShare).toBe(3 / 4); // d is new in v2
	});
});

describe('compareWithEarlier: answers compared as answers', () => {
	const q = questionnaire(
		[
			single('a', [0, 50, 100], { theme: 't1' }),
			yesNo('b', { theme: 't1' }),
			yesNo('c', { theme: 't2' }),
			yesNo('d', { theme: 't2' }),
			textQ('e', { theme: 't2' }),
			multiple('f', [50, 50], { theme: 't2' })
		],
		{ id: 'q' }
	);

	it('carries the earlier and the current answer of each changed question', () => {
		const p = compareWithEarlier(
			q,
			answers({ a: choice('c1'), b: yes, c: na, d: no, e: text('nouveau'), f: ticks('c1', 'c0') }),
			answers({ a: choice('c1'), b: dontKnow, c: no, e: text('ancien'), f: ticks('c0', 'c1') }),
			1,
			[q],
			profile
		);
		// b: « je ne sais pas » → « oui » (0 → 100); c: « non » → « non applicable » (0 → not scored);
		// a and f unchanged (the order of ticks aside), d newly answered, e free text: not listed.
		expect(
			p.changes.map((c) => [
				c.question.id,
				c.earlierAnswer.response,
				c.answer.response,
				c.before,
				c.after
			])
		).toEqual([
			['b', dontKnow, yes, 0, 100],
			['c', no, na, 0, null]
		]);
	});

	it('lists a change of answer that keeps the points (« je ne sais pas » → « non »)', () => {
		const p = compareWithEarlier(q, answers({ b: no }), answers({ b: dontKnow }), 1, [q], profile);
		expect(p.changes.map((c) => [c.question.id, c.before, c.after])).toEqual([['b', 0, 0]]);
	});

	it('gives each theme before, after and the change of the rounded scores', () => {
		const p = compareWithEarlier(
			q,
			answers({ a: choice('c2'), b: yes }),
			answers({ a: choice('c1'), b: no }),
			1,
			[q],
			profile
		);
		expect(p.themes.find((t) => t.themeId === 't1')).toEqual({
			themeId: 't1',
			before: 25,
			after: 100,
			delta: 75
		});
		expect(p.themes.find((t) => t.themeId === 't2')?.delta).toBeNull();
		expect(scoreDelta(61.6, 70.4)).toBe(8);
		expect(scoreDelta(null, 70)).toBeNull();
	});
});
