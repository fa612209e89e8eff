import type { Page } from '@playwright/test';
import type { Questionnaire } from '../../src/lib/domain/questionnaire.ts';
import type { QuestionnaireSummary } from '../../src/lib/domain/summary.ts';
import { variedResponse } from '../support/backup.ts';

/** Diagnostic files for the e2e tests: a commune with every questionnaire answered, imported. */

/** The newest version of each questionnaire, as served. */
export async function questionnaires(page: Page): Promise<Questionnaire[]> {
	const all = (await (
		await page.request.get('/api/catalog.json')
	).json()) as QuestionnaireSummary[];
	const newest = all.filter((q) => !all.some((o) => o.id === q.id && o.version > q.version));
	return Promise.all(
		newest.map(
			async (s) =>
				(await (
					await page.request.get(`/api/questionnaires/${s.id}/v${s.version}.json`)
				).json()) as Questionnaire
		)
	);
}

/** A backup file of a commune with every question answered (long words in the comments). */
export function backup(qs: Questionnaire[], id: string, name: string) {
	return {
		format: 'numeriscope-diagnostic',
		formatVersion: 2,
		tokens: [],
		exportedAt: new Date().toISOString(),
		assessment: {
			id,
			createdAt: Date.now(),
			updatedAt: Date.now(),
			questionnaires: qs.map((q) => ({ id: q.id, version: q.version }))
		},
		profile: {
			type: 'commune',
			name,
			code: '88413',
			population: 19500,
			populationVintage: 2023,
			region: '44',
			agents: '250-999'
		},
		answers: qs.flatMap((q) =>
			q.questions.map((question, i) => ({
				questionnaireId: q.id,
				questionId: question.id,
				response: variedResponse(question, i),
				...(i === 0
					? {
							comment:
								'Anticonstitutionnellement https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033205138/2026-01-01'
						}
					: {})
			}))
		)
	};
}

export async function importBackup(page: Page, file: string, id: string) {
	await page.goto('/importer');
	await page.getByLabel('Fichier de diagnostic (.json)').setInputFiles(file);
	await page.getByRole('button', { name: 'Importer' }).click();
	await page.waitForURL(new RegExp(`/diagnostics/${id}$`));
}
