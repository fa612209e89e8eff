import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../domain/backup.ts';
import { baseLocale, overwriteGetLocale } from '../paraglide/runtime.js';
import { importProblemText } from './import-problem.ts';

afterEach(() => overwriteGetLocale(() => baseLocale));

const refusal = (file: unknown) => {
	const r = parseBackup(JSON.stringify(file));
	if (r.ok) throw new Error('accepted');
	return r.problems.map(importProblemText);
};
const file = {
	format: 'numeriscope-diagnostic',
	formatVersion: 2,
	exportedAt: 'hier',
	assessment: { id: 'a1b2c3d4e5f6', createdAt: 1, updatedAt: 1, questionnaires: [] },
	profile: { type: 'commune', name: 'N'.repeat(201), region: '4', populationVintage: 1900 },
	answers: [],
	tokens: [],
	hacked: true
};

describe('import problems in words', () => {
	it('names what is wrong and where, in French', () => {
		expect(refusal(file)).toEqual([
			'exportedAt : une date et une heure ISO 8601 sont attendues (par exemple 2026-11-21T10:00:00Z)',
			'profile.name : texte trop long (au plus 200 caractères)',
			'profile.populationVintage : valeur trop petite (au moins 1990)',
			'profile.region : un code région INSEE à deux chiffres est attendu (par exemple 44)',
			'(root) : champ inconnu : hacked'
		]);
	});

	it('and in English, never with the validator’s own messages', () => {
		overwriteGetLocale(() => 'en');
		expect(refusal(file)).toEqual([
			'exportedAt: an ISO 8601 date and time is expected (e.g. 2026-11-21T10:00:00Z)',
			'profile.name: text too long (at most 200 characters)',
			'profile.populationVintage: value too small (at least 1990)',
			'profile.region: a two-digit INSEE region code is expected (e.g. 44)',
			'(root): unknown field: hacked'
		]);
		expect(
			importProblemText({ code: 'too_large', size: 200 * 1024 * 1024, max: 5 * 1024 * 1024 })
		).toBe(
			'The file is 200 MB: too large for an assessment file (at most 5 MB). Check that you picked the right file.'
		);
	});
});
