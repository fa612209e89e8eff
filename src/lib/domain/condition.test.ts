import { describe, expect, it } from 'vitest';
import type { Response } from './answer.ts';
import { applicableQuestions } from './applicability.ts';
import { conditionSchema } from './condition-schema.ts';
import { evaluateCondition, type Condition } from './condition.ts';
import type { Profile } from './profile.ts';
import {
	answers,
	choice,
	dontKnow,
	multiple,
	na,
	num,
	numberQ,
	questionnaire,
	single,
	ticks,
	yes,
	yesNo
} from './testing.ts';

const commune4000: Partial<Profile> = {
	type: 'commune',
	population: 4000,
	agents: '50-249',
	region: '44'
};

function holds(c: Condition, profile: Partial<Profile>, responses: Record<string, Response> = {}) {
	return evaluateCondition(conditionSchema.parse(c), { profile, response: (id) => responses[id] });
}

describe('conditions on the profile', () => {
	it.each<[Condition, boolean]>([
		[{ profile: 'type', equals: 'commune' }, true],
		[{ profile: 'type', equals: 'region' }, false],
		[{ profile: 'type', in: ['cc', 'ca', 'commune'] }, true],
		[{ profile: 'population', gte: 3500 }, true],
		[{ profile: 'population', gte: 4001 }, false],
		[{ profile: 'population', lt: 4000 }, false],
		[{ profile: 'population', lt: 4001 }, true],
		[{ profile: 'agents', gte: 50 }, true],
		[{ profile: 'agents', gte: 250 }, false],
		[{ profile: 'agents', lt: 50 }, false],
		[{ profile: 'agents', lt: 250 }, true],
		[{ profile: 'agents', equals: '50-249' }, true],
		[{ profile: 'region', equals: '44' }, true],
		[{ profile: 'region', in: ['01', '02'] }, false],
		[
			{
				all: [
					{ profile: 'population', gte: 3500 },
					{ profile: 'agents', gte: 50 }
				]
			},
			true
		],
		[
			{
				all: [
					{ profile: 'population', gte: 3500 },
					{ profile: 'agents', gte: 250 }
				]
			},
			false
		],
		[
			{
				any: [
					{ profile: 'type', equals: 'region' },
					{ profile: 'population', gte: 3500 }
				]
			},
			true
		],
		[
			{
				any: [
					{ profile: 'type', equals: 'region' },
					{ profile: 'population', gte: 5000 }
				]
			},
			false
		],
		[{ not: { profile: 'type', equals: 'commune' } }, false],
		[{ not: { not: { profile: 'type', equals: 'commune' } } }, true]
	])('%j → %s', (c, expected) => {
		expect(holds(c, commune4000)).toBe(expected);
	});

	it('a test on an unknown profile field is false, and not() of it true', () => {
		expect(holds({ profile: 'population', gte: 0 }, { type: 'autre' })).toBe(false);
		expect(holds({ profile: 'population', lt: 1e9 }, { type: 'autre' })).toBe(false);
		expect(holds({ profile: 'agents', gte: 0 }, { type: 'autre' })).toBe(false);
		expect(holds({ not: { profile: 'region', equals: '44' } }, { type: 'autre' })).toBe(true);
	});

	it.each([
		[3499, false],
		[3500, true],
		[3501, true]
	])('population %s against gte 3500 → %s', (population, expected) => {
		expect(holds({ profile: 'population', gte: 3500 }, { type: 'commune', population })).toBe(
			expected
		);
	});
});

describe('conditions on answers', () => {
	it.each<[Condition, Record<string, Response>, boolean]>([
		[{ question: 'q', equals: 'oui' }, { q: choice('oui') }, true],
		[{ question: 'q', equals: 'oui' }, { q: choice('non') }, false],
		[{ question: 'q', in: ['a', 'b'] }, { q: choice('b') }, true],
		[{ question: 'm', equals: 'x' }, { m: ticks('w', 'x') }, true],
		[{ question: 'm', equals: 'x' }, { m: ticks('w') }, false],
		[{ question: 'm', in: ['x', 'y'] }, { m: ticks('y') }, true],
		[{ question: 'm', in: ['x', 'y'] }, { m: ticks() }, false],
		[{ question: 'b', equals: true }, { b: yes }, true],
		[{ question: 'b', equals: false }, { b: yes }, false],
		[{ question: 'n', gte: 10 }, { n: num(10) }, true],
		[{ question: 'n', lt: 10 }, { n: num(10) }, false],
		[{ question: 'n', equals: 3 }, { n: num(3) }, true],
		[{ question: 'q', equals: 'oui' }, {}, false],
		[{ question: 'q', equals: 'oui' }, { q: dontKnow }, false],
		[{ not: { question: 'q', equals: 'oui' } }, {}, true]
	])('%j with %j → %s', (c, responses, expected) => {
		expect(holds(c, commune4000, responses)).toBe(expected);
	});
});

describe('the condition schema', () => {
	it.each<[unknown, RegExp]>([
		[{}, /needs one of/],
		[{ profile: 'type' }, /exactly one operator/],
		[{ profile: 'population', gte: 1, lt: 5 }, /exactly one operator/],
		[{ all: [] }, /too small|>=1/i],
		[{ all: [{ profile: 'type', equals: 'commune' }], equals: 'x' }, /cannot be combined/],
		[{ profile: 'type', question: 'x', equals: 'commune' }, /exactly one of/],
		[{ profile: 'habitants', gte: 1 }, /Invalid option/],
		[{ question: 'q', equal: 'x' }, /Unrecognized key/],
		[{ any: [{ not: {} }] }, /needs one of/]
	])('refuses %j', (c, message) => {
		const r = conditionSchema.safeParse(c);
		expect(r.success).toBe(false);
		expect(r.error!.issues.map((i) => i.message).join('; ')).toMatch(message);
	});
});

describe('applicableQuestions', () => {
	const q = questionnaire([
		single('dpo', [0, 100]),
		yesNo('dpo-externe', { applicableIf: { question: 'dpo', equals: 'c1' } }),
		multiple('outils', [50, 50]),
		yesNo('outil-revu', { applicableIf: { question: 'outils', in: ['c1'] } }),
		// chained: depends on a question that itself depends on another
		yesNo('contrat', { applicableIf: { question: 'dpo-externe', equals: true } }),
		numberQ('agents-formes', [
			[0, 0],
			[10, 100]
		]),
		yesNo('plan-formation', { applicableIf: { question: 'agents-formes', lt: 10 } }),
		yesNo('open-data', {
			applicableIf: {
				all: [
					{ profile: 'population', gte: 3500 },
					{ profile: 'agents', gte: 50 }
				]
			}
		})
	]);

	it('asks follow-ups only once the answer they depend on is known', () => {
		expect([...applicableQuestions(q, commune4000, {})].sort()).toEqual(
			['agents-formes', 'dpo', 'open-data', 'outils'].sort()
		);
		const a = answers({
			dpo: choice('c1'),
			'dpo-externe': yes,
			outils: ticks('c1'),
			'agents-formes': num(3)
		});
		expect([...applicableQuestions(q, commune4000, a)].sort()).toEqual(
			[
				'agents-formes',
				'contrat',
				'dpo',
				'dpo-externe',
				'open-data',
				'outil-revu',
				'outils',
				'plan-formation'
			].sort()
		);
	});

	it('does not follow an answer given to a question that no longer applies', () => {
		// dpo-externe answered, then dpo changed: contrat must disappear with dpo-externe.
		const a = answers({ dpo: choice('c0'), 'dpo-externe': yes });
		const asked = applicableQuestions(q, commune4000, a);
		expect(asked.has('dpo-externe')).toBe(false);
		expect(asked.has('contrat')).toBe(false);
	});

	it('"non applicable" on a question hides its follow-ups', () => {
		expect(applicableQuestions(q, commune4000, answers({ dpo: na })).has('dpo-externe')).toBe(
			false
		);
	});

	it('applies profile thresholds', () => {
		expect(applicableQuestions(q, { ...commune4000, agents: '10-49' }, {}).has('open-data')).toBe(
			false
		);
		expect(applicableQuestions(q, { ...commune4000, population: 3499 }, {}).has('open-data')).toBe(
			false
		);
	});
});
