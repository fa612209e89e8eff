import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createNancy, exportFile, openQuestionnaire, question, waitSaved } from './helpers.ts';

/**
 * A diagnostic answered against version 1 of `donnees` and `gouvernance`, in the app's own export
 * format (52 answers: every v1 question of both). What moving it to version 2 must do, counted by
 * hand from the v2 files' `migration` and `notApplicable`:
 * - donnees: 30 answers; 29 carried (« non applicable » on marches-decp is still allowed, « je ne
 *   sais pas » on qualite-donnees stays); to review: prada (« non applicable » no longer offered)
 *   and archivage-electronique (new). Nothing removed.
 * - gouvernance: 22 answers; formats-ouverts removed (asked once, in donnees); 20 carried; to
 *   review: elu-numerique (« non applicable » no longer offered), ia-pratiques-interdites and
 *   ia-maitrise-agents (new).
 */
const FIXTURE = 'tests/fixtures/e2e/diagnostic-v1.json';
const ID = 'v1diag00000000000000000000000001';

interface Entry {
	questionnaireId: string;
	questionId: string;
	response?: unknown;
	comment?: string;
}
interface Backup {
	assessment: { questionnaires: { id: string; version: number }[] };
	answers: Entry[];
}
const fixture: Backup = JSON.parse(readFileSync(FIXTURE, 'utf8'));
const of = (b: Backup, q: string) => b.answers.filter((a) => a.questionnaireId === q);

async function importFile(page: Page, file: string) {
	await page.goto('/importer');
	await page.getByLabel('Fichier de diagnostic (.json)').setInputFiles(file);
	await expect(page.getByText(/Un nouveau diagnostic sera créé avec 52 réponse/)).toBeVisible();
	await page.getByRole('button', { name: 'Importer' }).click();
	await page.waitForURL(new RegExp(`/diagnostics/${ID}$`));
}

/** The questionnaire's item on the diagnostic page. */
const item = (page: Page, title: string) =>
	page.locator('ul.questionnaire-progress > li').filter({
		has: page.getByRole('heading', { name: title })
	});

test('a v1 diagnostic exported from the app, imported and upgraded to v2 keeps every mappable answer and lists the rest', async ({
	page
}, info) => {
	page.on('dialog', (d) => void d.accept());
	expect(of(fixture, 'donnees')).toHaveLength(30);
	expect(of(fixture, 'gouvernance')).toHaveLength(22);

	// The v1 diagnostic enters the app, then leaves it as the app's own export.
	await importFile(page, FIXTURE);
	const exported: Backup = JSON.parse(await exportFile(page, ID));
	expect(exported.assessment.questionnaires).toEqual([
		{ id: 'donnees', version: 1 },
		{ id: 'gouvernance', version: 1 }
	]);
	expect(exported.answers).toHaveLength(52);
	const file = info.outputPath('export-v1.json');
	writeFileSync(file, JSON.stringify(exported));

	// Deleted, then imported back from the exported file.
	await page.goto('/');
	await page.getByRole('button', { name: 'Supprimer : Nancy' }).click();
	await expect(page.getByText('Aucun diagnostic dans ce navigateur pour l’instant.')).toBeVisible();
	await importFile(page, file);

	const donnees = item(page, 'Données et ouverture des données');
	const gouvernance = item(page, 'Stratégie, compétences et numérique responsable');
	for (const q of [donnees, gouvernance]) {
		await expect(q.locator('.version')).toHaveText('v1');
		await expect(q.getByRole('note')).toContainText(
			'Une version plus récente de ce questionnaire existe (v2).'
		);
	}

	// donnees: the preview counts and lists, then the move.
	await donnees.getByRole('button', { name: 'Voir ce que le passage à la v2 change' }).click();
	await expect(donnees.getByRole('note')).toContainText(
		'29 réponse(s) reprise(s), 2 question(s) à revoir, 0 supprimée(s).'
	);
	const donneesReview = donnees.getByRole('note').getByRole('listitem');
	await expect(donneesReview).toHaveCount(2);
	await expect(donneesReview.nth(0)).toContainText(
		/PRADA.*«\s*non applicable\s*» n’est plus proposé pour cette question/
	);
	await expect(donneesReview.nth(1)).toContainText('nouvelle question');
	await donnees.getByRole('button', { name: 'Passer à la version 2' }).click();
	await expect(donnees.locator('.version')).toHaveText('v2');
	await expect(donnees.getByRole('note')).toHaveCount(0);

	// gouvernance: one question removed too.
	await gouvernance.getByRole('button', { name: 'Voir ce que le passage à la v2 change' }).click();
	await expect(gouvernance.getByRole('note')).toContainText(
		'20 réponse(s) reprise(s), 3 question(s) à revoir, 1 supprimée(s).'
	);
	const gouvernanceReview = gouvernance.getByRole('note').getByRole('listitem');
	await expect(gouvernanceReview).toHaveCount(3);
	await expect(gouvernanceReview.filter({ hasText: 'nouvelle question' })).toHaveCount(2);
	await expect(
		gouvernanceReview.filter({ hasText: /«\s*non applicable\s*» n’est plus proposé/ })
	).toHaveCount(1);
	await gouvernance.getByRole('button', { name: 'Passer à la version 2' }).click();
	await expect(gouvernance.locator('.version')).toHaveText('v2');

	// What the app now holds, read back through its own export: every mappable answer, unchanged.
	const after: Backup = JSON.parse(await exportFile(page, ID));
	expect(after.assessment.questionnaires).toEqual([
		{ id: 'donnees', version: 2 },
		{ id: 'gouvernance', version: 2 }
	]);
	const left = {
		donnees: ['prada'],
		gouvernance: ['elu-numerique', 'formats-ouverts']
	} as const;
	for (const q of ['donnees', 'gouvernance'] as const) {
		const expected = of(fixture, q)
			.filter((a) => !(left[q] as readonly string[]).includes(a.questionId))
			.map((a) => ({ questionId: a.questionId, response: a.response }))
			.sort((a, b) => a.questionId.localeCompare(b.questionId));
		const got = of(after, q)
			.filter((a) => a.response !== undefined)
			.map((a) => ({ questionId: a.questionId, response: a.response }))
			.sort((a, b) => a.questionId.localeCompare(b.questionId));
		expect(got).toHaveLength(q === 'donnees' ? 29 : 20);
		expect(got).toEqual(expected);
	}
	// The answers sent to review leave no answer behind, only what the officer typed.
	expect(of(after, 'donnees').find((a) => a.questionId === 'prada')).toEqual({
		questionnaireId: 'donnees',
		questionId: 'prada',
		comment: 'PRADA mutualisée avec la métropole'
	});
	expect(after.answers).toHaveLength(50);
});

test('a v2 questionnaire: the law date, « non applicable » only where allowed, an exclusive « aucun »', async ({
	page
}) => {
	const id = await createNancy(page, ['cybersecurite']);
	await openQuestionnaire(page, id, 'cybersecurite', 'hygiene');
	await expect(page.locator('.law-as-of')).toHaveText(/État du droit au 30\snovembre\s2026/);

	const mfa = question(page, 'double-authentification');
	// Not offered on this v2 question (notApplicable unset).
	await expect(mfa.getByLabel('Non applicable')).toHaveCount(0);
	const none = mfa.getByLabel('Aucun de ces éléments');
	const first = mfa.getByRole('checkbox').first();
	await first.check();
	await none.check();
	await expect(first).not.toBeChecked();
	await first.check();
	await expect(none).not.toBeChecked();
	await none.check();
	await waitSaved(page);
	const stored: Backup = JSON.parse(await exportFile(page, id));
	expect(stored.answers.find((a) => a.questionId === 'double-authentification')?.response).toEqual({
		type: 'choices',
		choices: ['aucun']
	});
});
