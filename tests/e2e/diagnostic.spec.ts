import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
	askedIds,
	choose,
	createNancy,
	exportFile,
	openQuestionnaire,
	question,
	storedAnswers,
	waitSaved
} from './helpers.ts';

test('picking Nancy from the search fills the profile and shows the cohort', async ({ page }) => {
	await page.goto('/diagnostics/nouveau');
	await page.getByLabel('Rechercher votre collectivité').fill('Nancy');
	await expect(page.getByRole('status').filter({ hasText: /résultats?/ })).toBeVisible();
	await page.getByRole('button', { name: /^Nancy Commune \(54\)/ }).click();
	await expect(page.getByLabel('Nom', { exact: true })).toHaveValue('Nancy');
	await expect(page.getByLabel('Type de collectivité')).toHaveValue('commune');
	await expect(page.getByLabel(/Code officiel/)).toHaveValue('54395');
	// The legal population (population totale, millésime 2022), no longer the municipale 2023.
	await expect(page.getByLabel('Population légale (totale)')).toHaveValue('105792');
	await expect(page.getByLabel('Millésime de la population légale')).toHaveValue('2022');
	// Its help says which figure it is and why.
	await expect(page.getByLabel('Population légale (totale)')).toHaveAccessibleDescription(
		/La population totale de l’INSEE .* la loi retient pour ses seuils/
	);
	await expect(page.getByLabel('Région')).toHaveValue('44');
	await expect(
		page.getByText('Intercommunalité : Métropole du Grand Nancy (Métropole)')
	).toBeVisible();
	await expect(page.locator('.cohort')).toContainText(
		/Commune · de 100\s000 à 299\s999 habitants · Grand Est/
	);

	// The agents band is the officer's to give: the form says so.
	await page.getByRole('button', { name: 'Créer le diagnostic' }).click();
	await expect(page.getByText('Choisissez le nombre d’agents')).toBeVisible();
	await page.getByLabel('Nombre d’agents').selectOption('1000+');
	await page.getByRole('button', { name: 'Créer le diagnostic' }).click();
	await page.waitForURL(/\/diagnostics\/[0-9a-f]{32}$/);
	await expect(page.getByRole('heading', { name: 'Diagnostic : Nancy' })).toBeVisible();
	await expect(page.locator('dd.cohort')).toContainText('Grand Est');
});

test('a population of -5 or a year of 1900 is explained on its field, and the form goes on', async ({
	page
}) => {
	await page.goto('/diagnostics/nouveau');
	await page.getByLabel('Nom', { exact: true }).fill('Essai');
	await page.getByLabel('Population légale (totale)').fill('-5');
	await page.getByLabel('Millésime de la population légale').fill('1900');
	await page.getByLabel('Nombre d’agents').selectOption('10-49');
	// The peer group is shown as typed so far, without the band of an invalid population.
	await expect(page.locator('.cohort')).toHaveText(/Groupe de pairs\s:\s*Commune$/);
	await page.getByRole('button', { name: 'Créer le diagnostic' }).click();
	await expect(
		page.getByText('La population est un nombre entier d’habitants, par exemple 4200.')
	).toBeVisible();
	await expect(
		page.getByText('Le millésime est une année de 1990 à 2100, par exemple 2023.')
	).toBeVisible();
	await expect(page).toHaveURL(/\/diagnostics\/nouveau$/);

	await page.getByLabel('Population légale (totale)').fill('4 200');
	await page.getByLabel('Millésime de la population légale').fill('2023');
	await expect(page.locator('.cohort')).toContainText(/de 3\s500 à 9\s999 habitants/);
	await page.getByRole('button', { name: 'Créer le diagnostic' }).click();
	await page.waitForURL(/\/diagnostics\/[0-9a-f]{32}$/);
	await expect(page.getByText(/4\s200 habitants\s*\(millésime 2023\)/)).toBeVisible();
});

test('answers survive a reload mid-way through a theme', async ({ page }) => {
	const id = await createNancy(page, ['donnees']);
	await openQuestionnaire(page, id, 'donnees', 'gouvernance');
	const ids = await askedIds(page);
	expect(ids.length).toBeGreaterThanOrEqual(3);
	await choose(page, ids[0]!, 1);
	await choose(page, ids[1]!, 2);
	await question(page, ids[2]!).getByLabel('Je ne sais pas').check();
	await waitSaved(page);

	await page.reload();
	await expect(question(page, ids[0]!).getByRole('radio').nth(1)).toBeChecked();
	await expect(question(page, ids[1]!).getByRole('radio').nth(2)).toBeChecked();
	await expect(question(page, ids[2]!).getByLabel('Je ne sais pas')).toBeChecked();

	// …and the theme can be finished.
	for (const q of ids.slice(3)) await choose(page, q, 0);
	await waitSaved(page);
	await expect(page.getByRole('button', { name: /Gouvernance de la donnée/ })).toContainText(
		`${ids.length}/${ids.length}`
	);
});

test('an answer clicked just before the tab is closed is kept', async ({ context, page }) => {
	const id = await createNancy(page, ['cybersecurite']);
	await openQuestionnaire(page, id, 'cybersecurite');
	const first = await page.locator('fieldset.question').first().getAttribute('data-question');
	await choose(page, first!, 2);
	await page.close();

	const again = await context.newPage();
	await openQuestionnaire(again, id, 'cybersecurite');
	await expect(question(again, first!).getByRole('radio').nth(2)).toBeChecked();
});

test('with the network cut, answering goes on, even across a reload', async ({ context, page }) => {
	const id = await createNancy(page, ['inclusion']);
	await openQuestionnaire(page, id, 'inclusion');
	// The service worker has installed and controls the page.
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
		timeout: 30_000
	});

	await context.setOffline(true);
	const first = (await page.locator('fieldset.question').first().getAttribute('data-question'))!;
	await choose(page, first, 1);
	await question(page, first).getByLabel('Commentaire (facultatif)').fill('Saisi hors ligne');
	await waitSaved(page);
	await page.getByRole('button', { name: /^Thème suivant/ }).click();
	const second = (await page.locator('fieldset.question').first().getAttribute('data-question'))!;
	await choose(page, second, 0);
	await waitSaved(page);

	await page.reload();
	await expect(page.locator('fieldset.question').first()).toBeVisible();
	await page
		.getByRole('navigation', { name: 'Thèmes du questionnaire' })
		.getByRole('button', { name: /Diagnostic de la fragilité/ })
		.click();
	await expect(question(page, first).getByRole('radio').nth(1)).toBeChecked();
	await expect(question(page, first).getByLabel('Commentaire (facultatif)')).toHaveValue(
		'Saisi hors ligne'
	);
	await context.setOffline(false);
});

test('export, delete and re-import give back the same answers', async ({ page }, info) => {
	page.on('dialog', (d) => void d.accept());
	const id = await createNancy(page, ['cybersecurite']);
	await openQuestionnaire(page, id, 'cybersecurite');
	const ids = await askedIds(page);
	await choose(page, ids[0]!, 1);
	await choose(page, ids[1]!, 0);
	await question(page, ids[1]!)
		.getByLabel('Commentaire (facultatif)')
		.fill('« Sauvegardes testées — oui & non »');
	await waitSaved(page);
	const before = await storedAnswers(page, id);

	await page.goto(`/diagnostics/${id}`);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: /Exporter le diagnostic/ }).click();
	const file = info.outputPath('export.json');
	await (await download).saveAs(file);
	expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
		format: 'numeriscope-diagnostic',
		formatVersion: 3
	});

	await page.goto('/');
	await page.getByRole('button', { name: 'Supprimer : Nancy' }).click();
	await expect(page.getByText('Aucun diagnostic dans ce navigateur pour l’instant.')).toBeVisible();

	await page.getByRole('link', { name: 'Importer un fichier' }).click();
	await page.getByLabel('Fichier de diagnostic (.json)').setInputFiles(file);
	await expect(page.getByText(/Un nouveau diagnostic sera créé avec 2 réponse/)).toBeVisible();
	await page.getByRole('button', { name: 'Importer' }).click();
	await page.waitForURL(new RegExp(`/diagnostics/${id}$`));
	expect(await storedAnswers(page, id)).toEqual(before);
});

test('a colleague file is merged, with its one conflict resolved question by question', async ({
	page
}, info) => {
	const id = await createNancy(page, ['cybersecurite']);
	await openQuestionnaire(page, id, 'cybersecurite');
	const ids = await askedIds(page);
	await choose(page, ids[0]!, 1);
	await choose(page, ids[1]!, 1);
	await waitSaved(page);
	const before = await storedAnswers(page, id);

	// The RSSI's file: same territory, another diagnostic; one answer differs, one is new.
	const mine = JSON.parse(await exportFile(page, id));
	const q0 = mine.answers.find((a: { questionId: string }) => a.questionId === ids[0]);
	const colleague = {
		...mine,
		assessment: { ...mine.assessment, id: 'rssi0000000000000000000000000001' },
		answers: [
			{ ...q0, response: { type: 'dontKnow' }, comment: 'Avis du RSSI' },
			mine.answers.find((a: { questionId: string }) => a.questionId === ids[1]),
			{ questionnaireId: 'cybersecurite', questionId: ids[2], response: { type: 'notApplicable' } }
		]
	};
	const file = info.outputPath('rssi.json');
	writeFileSync(file, JSON.stringify(colleague));

	await page.goto('/importer');
	await page.getByLabel('Fichier de diagnostic (.json)').setInputFiles(file);
	await expect(page.getByLabel(/Fusionner dans «\sNancy\s»/)).toBeChecked();
	await expect(
		page.getByText('1 réponse(s) ajoutée(s), 1 identique(s), 1 conflit(s) à trancher.')
	).toBeVisible();
	const conflict = page.locator('fieldset.conflict');
	await expect(conflict).toHaveCount(1);
	await conflict.getByLabel(/Prendre celle du fichier/).check();
	await page.getByRole('button', { name: 'Importer' }).click();
	await page.waitForURL(new RegExp(`/diagnostics/${id}$`));

	const stored = await storedAnswers(page, id);
	expect(stored[ids[0]!]).toEqual({ response: { type: 'dontKnow' }, comment: 'Avis du RSSI' });
	expect(stored[ids[2]!]).toEqual({ response: { type: 'notApplicable' } });
	expect(stored[ids[1]!]).toEqual(before[ids[1]!]);
	expect(Object.keys(stored)).toHaveLength(3);
});

test('a corrupted file is refused with a reason, and nothing changes', async ({ page }, info) => {
	const id = await createNancy(page, ['donnees']);
	await openQuestionnaire(page, id, 'donnees');
	const first = (await page.locator('fieldset.question').first().getAttribute('data-question'))!;
	await choose(page, first, 1);
	await waitSaved(page);
	const before = await storedAnswers(page, id);

	const text = await exportFile(page, id);

	const cases: [string, string, RegExp][] = [
		['truncated.json', text.slice(0, text.length / 2), /n’est pas du JSON valide/],
		['other.json', JSON.stringify({ hello: 'world' }), /n’est pas un diagnostic Numériscope/],
		[
			'unknown-question.json',
			text.replace(`"${first}"`, '"question-inventee"'),
			/«\squestion-inventee\s» n’est pas une question/
		]
	];
	for (const [name, content, reason] of cases) {
		const file = info.outputPath(name);
		writeFileSync(file, content);
		await page.goto('/importer');
		await page.getByLabel('Fichier de diagnostic (.json)').setInputFiles(file);
		await expect(page.getByRole('alert')).toContainText('Fichier refusé');
		await expect(page.getByRole('alert')).toContainText(reason);
		await expect(page.getByRole('button', { name: 'Importer' })).toHaveCount(0);
	}
	expect(await storedAnswers(page, id)).toEqual(before);
	await page.goto('/');
	await expect(page.locator('li.diagnostic')).toHaveCount(1);
});
