import { describe, expect, it } from 'vitest';
import {
	backupAnswers,
	checkBackupAnswers,
	parseBackup,
	toBackup,
	type Upgrader
} from './backup.ts';
import { applyMerge, conflictKey, planMerge } from './merge.ts';
import {
	answers,
	choice,
	dontKnow,
	questionnaire,
	single,
	ticks,
	yes,
	yesNo,
	multiple
} from './testing.ts';

const q = questionnaire(
	[single('prada', [0, 50, 100]), yesNo('dpo'), multiple('outils', [50, 50])],
	{ id: 'donnees' }
);
const find = (id: string, version: number) => (id === 'donnees' && version === 1 ? q : undefined);

const diagnostic = {
	assessment: {
		id: 'a1b2c3d4e5f6',
		createdAt: 1_700_000_000_000,
		updatedAt: 1_700_000_100_000,
		questionnaires: [{ id: 'donnees', version: 1 }]
	},
	profile: {
		type: 'commune' as const,
		name: 'Nancy',
		code: '54395',
		population: 103671,
		region: '44'
	},
	answers: {
		donnees: answers({
			prada: [choice('c2'), { comment: '« Sauvegardes testées — oui & non »' }],
			dpo: [yes, { planned: true }]
		})
	}
};
const text = (b: unknown) => JSON.stringify(b);

describe('backup files', () => {
	it('round-trips a diagnostic', () => {
		const file = toBackup(diagnostic, new Date('2026-11-21T10:00:00Z'));
		const parsed = parseBackup(text(file));
		expect(parsed).toMatchObject({ ok: true });
		if (!parsed.ok) return;
		expect(backupAnswers(parsed.backup)).toEqual(diagnostic.answers);
		expect(parsed.backup.profile).toEqual(diagnostic.profile);
		expect(checkBackupAnswers(parsed.backup, find)).toEqual([]);
	});

	it('accepts a byte-order mark', () => {
		expect(parseBackup('\uFEFF' + text(toBackup(diagnostic, new Date()))).ok).toBe(true);
	});

	const good = () =>
		JSON.parse(text(toBackup(diagnostic, new Date()))) as Record<string, unknown> & {
			answers: Record<string, unknown>[];
		};
	it.each<[string, string | (() => unknown), RegExp]>([
		['not JSON', '{"format": "numeriscope-diagnostic",', /not valid JSON/],
		['another JSON file', '{"hello": "world"}', /not a Numériscope diagnostic file/],
		['an array', '[1, 2]', /not a Numériscope diagnostic file/],
		['a newer format', () => ({ ...good(), formatVersion: 99 }), /newer version of Numériscope/],
		[
			'a broken format version',
			() => ({ ...good(), formatVersion: 'un' }),
			/formatVersion: a whole number/
		],
		[
			'a truncated answer',
			() => ({ ...good(), answers: [{ questionnaireId: 'donnees' }] }),
			/answers\.0\.questionId/
		],
		[
			'a wrong profile type',
			() => ({ ...good(), profile: { type: 'village', name: 'X' } }),
			/profile\.type/
		],
		['an extra key', () => ({ ...good(), hacked: true }), /Unrecognized key/],
		[
			'twice the same answer',
			() => {
				const g = good();
				return { ...g, answers: [g.answers[0], g.answers[0]] };
			},
			/two answers to donnees\/prada/
		],
		[
			'an answer to a questionnaire not pinned',
			() => {
				const g = good();
				return { ...g, answers: [{ ...g.answers[0], questionnaireId: 'autre' }] };
			},
			/not a questionnaire of this diagnostic/
		]
	])('refuses %s with a reason', (_, input, reason) => {
		const r = parseBackup(typeof input === 'string' ? input : text(input()));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problems.join('\n')).toMatch(reason);
	});

	it('refuses answers that do not exist in, or do not fit, the questionnaire', () => {
		const file = toBackup(
			{
				...diagnostic,
				answers: {
					donnees: answers({ prada: choice('zz'), inconnue: dontKnow, outils: ticks('c0') })
				}
			},
			new Date()
		);
		expect(checkBackupAnswers(file, find)).toEqual([
			'answers.0: this answer does not fit question "prada" (single)',
			'answers.1: "inconnue" is not a question of donnees v1'
		]);
		const unknown = toBackup(
			{
				...diagnostic,
				assessment: { ...diagnostic.assessment, questionnaires: [{ id: 'donnees', version: 7 }] }
			},
			new Date()
		);
		expect(checkBackupAnswers(unknown, find)[0]).toMatch(/version 7 is unknown/);
	});

	it('upgrades an older format through the chain, oldest first', () => {
		// A made-up history: format 1 named the answers "reponses", format 2 added exportedAt.
		const chain: Record<number, Upgrader> = {
			1: ({ reponses, ...rest }) => ({ ...rest, answers: reponses, formatVersion: 2 }),
			2: (f) => ({ ...f, exportedAt: '2026-01-01T00:00:00.000Z', formatVersion: 3 })
		};
		const { answers: list, exportedAt: _drop, ...v1 } = good();
		const parsed = parseBackup(text({ ...v1, formatVersion: 1, reponses: list }), chain, 3);
		// the result fails only on formatVersion (the real schema knows format 1): the chain ran
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problems).toEqual(['formatVersion: Invalid input: expected 1']);
		const missing = parseBackup(text({ ...v1, formatVersion: 1 }), { 2: chain[2]! }, 3);
		expect(missing).toEqual({
			ok: false,
			problems: ['formatVersion 1: no upgrade from format 1 is known']
		});
	});
});

describe('merging a colleague file', () => {
	const mine = { donnees: answers({ prada: choice('c1'), dpo: yes, outils: ticks('c0', 'c1') }) };
	const theirs = {
		donnees: answers({ prada: choice('c2'), outils: ticks('c1', 'c0') }),
		cybersecurite: answers({ mfa: choice('oui') })
	};

	it('lists what is added, what is the same and what conflicts', () => {
		const plan = planMerge(mine, theirs);
		expect(plan.added.map(conflictKey)).toEqual(['cybersecurite/mfa']);
		expect(plan.same.map(conflictKey)).toEqual(['donnees/outils']);
		expect(plan.conflicts).toEqual([
			{
				questionnaireId: 'donnees',
				questionId: 'prada',
				mine: { response: choice('c1') },
				theirs: { response: choice('c2') }
			}
		]);
	});

	it('applies the side chosen for each conflict, keeping mine by default', () => {
		const plan = planMerge(mine, theirs);
		const kept = applyMerge(mine, plan, {});
		expect(kept['donnees']!['prada']).toEqual({ response: choice('c1') });
		expect(kept['cybersecurite']!['mfa']).toEqual({ response: choice('oui') });
		expect(kept['donnees']!['dpo']).toEqual({ response: yes });
		const taken = applyMerge(mine, plan, { 'donnees/prada': 'theirs' });
		expect(taken['donnees']!['prada']).toEqual({ response: choice('c2') });
	});

	it('sees a different comment as a conflict', () => {
		const plan = planMerge(mine, { donnees: answers({ dpo: [yes, { comment: 'mutualisé' }] }) });
		expect(plan.conflicts.map(conflictKey)).toEqual(['donnees/dpo']);
	});
});
