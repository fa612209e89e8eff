/**
 * A full diagnostic as a backup file, for the e2e specs and the benches: every question of the
 * newest version of each questionnaire answered, the choices varied from one question to the next.
 */
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../src/lib/domain/backup.ts';
import type { Response } from '../../src/lib/domain/answer.ts';
import type { Profile } from '../../src/lib/domain/profile.ts';
import type { Question, Questionnaire } from '../../src/lib/domain/questionnaire.ts';
import { loadCatalog } from '../../src/lib/server/catalog/load.ts';

/** The newest version of each questionnaire (the catalog holds every published version). */
export function newestQuestionnaires(only?: readonly string[]): Questionnaire[] {
	const all = loadCatalog('questionnaires').questionnaires;
	return all.filter(
		(q) =>
			(!only || only.includes(q.id)) && !all.some((o) => o.id === q.id && o.version > q.version)
	);
}

/** The answer given to the i-th question: a different choice from one question to the next. */
export function variedResponse(q: Question, i: number): Response {
	switch (q.kind) {
		case 'single':
			return { type: 'choice', choice: q.choices[i % q.choices.length]!.id };
		case 'multiple':
			return {
				type: 'choices',
				choices: q.choices.filter((_, j) => j % 2 === i % 2).map((c) => c.id)
			};
		case 'boolean':
			return { type: 'boolean', value: i % 2 === 0 };
		case 'scale':
			return { type: 'number', value: q.scale.min };
		case 'number':
			return { type: 'number', value: 10 };
		case 'text':
			return { type: 'text', value: 'RAS' };
	}
}

/** Saint-Dié-des-Vosges, the benches' commune. */
export const SAINT_DIE: Profile = {
	type: 'commune',
	name: 'Saint-Dié-des-Vosges',
	code: '88413',
	population: 19500,
	populationVintage: 2023,
	region: '44',
	agents: '250-999'
};

/** Agen, a commune of about 30,000 (legal population 32,801). */
export const AGEN: Profile = {
	type: 'commune',
	name: 'Agen',
	code: '47001',
	population: 32801,
	populationVintage: 2023,
	region: '75',
	agents: '250-999'
};

/** A full diagnostic of a commune as a backup file: every question answered, varied choices. */
export function fullBackup(
	only?: string[],
	id = 'bench00000000000000000000000001',
	profile: Profile = SAINT_DIE
): string {
	const questionnaires = newestQuestionnaires(only);
	return JSON.stringify({
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_VERSION,
		tokens: [],
		exportedAt: new Date().toISOString(),
		assessment: {
			id,
			createdAt: Date.now(),
			updatedAt: Date.now(),
			questionnaires: questionnaires.map((q) => ({ id: q.id, version: q.version }))
		},
		profile,
		answers: questionnaires.flatMap((q) =>
			q.questions.map((question, i) => ({
				questionnaireId: q.id,
				questionId: question.id,
				response: variedResponse(question, i),
				...(i === 0 ? { comment: '« Sauvegardes testées — oui & non »' } : {})
			}))
		)
	});
}
