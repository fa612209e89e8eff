import { describe, expect, it } from 'vitest';
import { compareWithEarlier } from './progress.ts';
import { answers, choice, questionnaire, single, yesNo, yes, no } from './testing.ts';

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
