import { describe, expect, it } from 'vitest';
import { checkVersions } from './catalog.ts';
import { checkCoherence } from './coherence.ts';
import { migrateAnswers } from './migration.ts';
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
	text,
	textQ,
	ticks,
	yes,
	yesNo
} from './testing.ts';

// v1 → v2: dpo renamed to dpo-designe with choice "partiel" gone; obsolete removed; outils'
// choice c2 merged into c1; formation becomes a number question; budget is new.
const v1 = questionnaire([
	single('dpo', [0, 50, 100], { plannable: true }),
	single('obsolete', [0, 100]),
	multiple('outils', [40, 30, 30]),
	single('formation', [0, 100]),
	yesNo('stable'),
	textQ('remarques')
]);
const v2 = questionnaire(
	[
		single('dpo-designe', [0, 100], { plannable: true }),
		multiple('outils', [50, 50]),
		numberQ(
			'formation',
			[
				[0, 0],
				[50, 100]
			],
			{ notApplicable: true }
		),
		yesNo('stable'),
		textQ('remarques'),
		single('budget', [0, 100])
	],
	{
		version: 2,
		migration: {
			from: 1,
			renamed: { dpo: 'dpo-designe' },
			removed: ['obsolete'],
			choices: { 'dpo-designe': { c1: null, c2: 'c1' }, outils: { c2: 'c1' } }
		}
	}
);
// v2 → v3: stable renamed to stable-2; budget removed.
const v3 = questionnaire(
	[
		single('dpo-designe', [0, 100], { plannable: true }),
		multiple('outils', [50, 50]),
		numberQ(
			'formation',
			[
				[0, 0],
				[50, 100]
			],
			{ notApplicable: true }
		),
		yesNo('stable-2'),
		textQ('remarques')
	],
	{ version: 3, migration: { from: 2, renamed: { stable: 'stable-2' }, removed: ['budget'] } }
);
const versions = [v1, v2, v3];

describe('the migration fixtures themselves', () => {
	it('are coherent', () => {
		for (const q of versions) expect(checkCoherence(q)).toEqual([]);
		expect(checkVersions(versions)).toEqual([]);
	});
});

describe('migrateAnswers, one step', () => {
	it('carries, renames, remaps, drops and lists what needs review', () => {
		const given = answers({
			dpo: [choice('c2'), { planned: true, comment: 'Mutualisé « CDG »' }],
			obsolete: choice('c1'),
			outils: ticks('c0', 'c2'),
			formation: choice('c1'),
			stable: yes,
			remarques: text('RAS')
		});
		const { answers: out, report } = migrateAnswers(given, versions, 1, 2);
		expect(out).toEqual({
			'dpo-designe': { response: choice('c1'), planned: true, comment: 'Mutualisé « CDG »' },
			outils: { response: ticks('c0', 'c1') },
			stable: { response: yes },
			remarques: { response: text('RAS') }
		});
		expect(report.carried).toEqual([
			{ questionId: 'stable', from: 'stable' },
			{ questionId: 'remarques', from: 'remarques' }
		]);
		expect(report.remapped).toEqual([
			{ questionId: 'dpo-designe', from: 'dpo', choicesFrom: ['c2'], choicesTo: ['c1'] },
			{ questionId: 'outils', from: 'outils', choicesFrom: ['c0', 'c2'], choicesTo: ['c0', 'c1'] }
		]);
		expect(report.removed).toEqual(['obsolete']);
		expect(report.review).toEqual([
			{ questionId: 'formation', reason: 'changed', previous: { response: choice('c1') } },
			{ questionId: 'budget', reason: 'new' }
		]);
	});

	it('keeps the old answer and its comment when a choice has no equivalent', () => {
		const given = answers({ dpo: [choice('c1'), { comment: 'en cours' }] });
		const { answers: out, report } = migrateAnswers(given, versions, 1, 2);
		expect(out['dpo-designe']).toBeUndefined();
		expect(report.review).toContainEqual({
			questionId: 'dpo-designe',
			reason: 'choiceRemoved',
			previous: { response: choice('c1'), comment: 'en cours' }
		});
	});

	it('lists for review a « non applicable » the new question no longer offers, keeping it', () => {
		// dpo-designe (version 2) does not allow « non applicable »; formation does.
		const given = answers({ dpo: [na, { comment: 'mutualisé' }], formation: na, stable: yes });
		const { answers: out, report } = migrateAnswers(given, versions, 1, 2);
		expect(out).toEqual({ formation: { response: na }, stable: { response: yes } });
		expect(report.review).toContainEqual({
			questionId: 'dpo-designe',
			reason: 'notApplicableRefused',
			previous: { response: na, comment: 'mutualisé' }
		});
		expect(report.carried.map((c) => c.questionId)).toEqual(['formation', 'stable']);
	});

	it('carries "je ne sais pas" and "non applicable" (where allowed) as they are', () => {
		const { answers: out } = migrateAnswers(
			answers({ dpo: dontKnow, formation: na }),
			versions,
			1,
			2
		);
		expect(out).toEqual({ 'dpo-designe': { response: dontKnow }, formation: { response: na } });
	});
});

describe('migrateAnswers along a chain', () => {
	const given = answers({
		dpo: choice('c2'),
		outils: ticks('c2'),
		formation: choice('c0'),
		stable: yes,
		remarques: text('RAS')
	});

	it('composes the steps, reporting in terms of the newest ids', () => {
		const { answers: out, report } = migrateAnswers(given, versions, 1, 3);
		expect(out).toEqual({
			'dpo-designe': { response: choice('c1') },
			outils: { response: ticks('c1') },
			'stable-2': { response: yes },
			remarques: { response: text('RAS') }
		});
		expect(report.carried).toEqual([
			{ questionId: 'stable-2', from: 'stable' },
			{ questionId: 'remarques', from: 'remarques' }
		]);
		expect(report.remapped.map((r) => [r.questionId, r.from, r.choicesFrom, r.choicesTo])).toEqual([
			['dpo-designe', 'dpo', ['c2'], ['c1']],
			['outils', 'outils', ['c2'], ['c1']]
		]);
		// budget was new in v2 but is removed in v3: nothing to review there.
		expect(report.review.map((r) => [r.questionId, r.reason])).toEqual([['formation', 'changed']]);
	});

	it('gives the same answers step by step as in one go', () => {
		const step1 = migrateAnswers(given, versions, 1, 2).answers;
		const step2 = migrateAnswers(step1, versions, 2, 3).answers;
		expect(step2).toEqual(migrateAnswers(given, versions, 1, 3).answers);
	});

	it('keeps answers as they are when from = to', () => {
		const { answers: out, report } = migrateAnswers(given, versions, 1, 1);
		expect(out).toEqual(given);
		expect(report.review).toEqual([]);
		expect(report.carried).toHaveLength(5);
	});

	it('refuses a broken chain or a backward move', () => {
		expect(() => migrateAnswers(given, [v1, v3], 1, 3)).toThrow(/version 2 is missing/);
		expect(() => migrateAnswers(given, versions, 3, 1)).toThrow(/backwards/);
	});

	it('sends a value that no longer fits to review', () => {
		// A choice stored for a yes/no question (stale data): review, not a crash.
		const stale = answers({ stable: choice('c0'), formation: num(10) });
		const { answers: out, report } = migrateAnswers(stale, versions, 1, 2);
		expect(report.review).toContainEqual({
			questionId: 'stable',
			reason: 'changed',
			previous: { response: choice('c0') }
		});
		// …while a number that fits the new number question is carried.
		expect(out['formation']).toEqual({ response: num(10) });
	});
});
