/**
 * Diagnostic files built in a test, imported as an officer would (`/importer`): the bench and
 * the e2e specs share them.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Response } from '../../src/lib/domain/answer.ts';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../src/lib/domain/backup.ts';
import type { Profile } from '../../src/lib/domain/profile.ts';
import type { Question, Questionnaire } from '../../src/lib/domain/questionnaire.ts';
import { loadCatalog } from '../../src/lib/server/catalog/load.ts';
import { territories } from '../../src/lib/server/territories/data.ts';

/** The profile of an official territory (INSEE or SIREN code), with its legal population. */
export function officialProfile(code: string, agents: Profile['agents'] = '250-999'): Profile {
	const t = territories().find((x) => x.code === code);
	if (!t) throw new Error(`no territory ${code} in the official lists`);
	return {
		type: t.type,
		name: t.name,
		code: t.code,
		...(t.population !== null
			? { population: t.population, populationVintage: t.populationVintage }
			: {}),
		...(t.region ? { region: t.region } : {}),
		agents
	};
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

/**
 * A diagnostic of the newest version of each questionnaire (or of `only`) as a backup file:
 * every question answered with varied choices, or only the first `answered` questions of each
 * questionnaire (an incomplete diagnostic). The first answer carries a comment with French
 * punctuation.
 */
export function fullBackup(
	only?: string[],
	id = 'bench00000000000000000000000001',
	{ profile = SAINT_DIE, answered }: { profile?: Profile; answered?: number } = {}
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
			q.questions.slice(0, answered).map((question, i) => ({
				questionnaireId: q.id,
				questionId: question.id,
				response: variedResponse(question, i),
				...(i === 0 ? { comment: '« Sauvegardes testées — oui & non »' } : {})
			}))
		)
	});
}

/**
 * Imports a backup file (`fullBackup`) from the import page, as an officer would, and waits for
 * the diagnostic's page; `file` is where the JSON is written first.
 */
export async function importBackup(page: Page, json: string, file: string): Promise<string> {
	writeFileSync(file, json);
	const id = (JSON.parse(json) as { assessment: { id: string } }).assessment.id;
	await page.goto('/importer');
	await page.getByLabel('Fichier de diagnostic (.json)').setInputFiles(file);
	await page.getByRole('button', { name: 'Importer' }).click();
	await page.waitForURL((url) => url.pathname.endsWith(`/diagnostics/${id}`));
	return id;
}
