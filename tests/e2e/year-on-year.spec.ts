import { expect, test, type Page } from '@playwright/test';
import {
	createNancy,
	expectNoAxeViolations,
	openQuestionnaire,
	question,
	storedAnswers,
	waitSaved
} from './helpers.ts';

/** The browser's clock, fixed at a day of `year` (the diagnostic's year is its creation year). */
const setYear = (page: Page, year: number) =>
	page.clock.setFixedTime(new Date(`${year}-03-02T10:00:00`));

/** Picks the n-th proposed answer (0-based) of a single-choice question, « je ne sais pas » aside. */
async function pick(page: Page, id: string, n: number) {
	await question(page, id)
		.locator('input[type=radio]:not([value=dontKnow]):not([value=notApplicable])')
		.nth(n)
		.check();
}

test('next year’s diagnostic: carried items to review, the comparison preselected, theme deltas, answers compared as answers', async ({
	page
}) => {
	test.setTimeout(120_000);
	// 2026: three questionnaires, a plan on a « je ne sais pas », a comment.
	await setYear(page, 2026);
	const first = await createNancy(page, ['donnees', 'gouvernance', 'inclusion']);
	await openQuestionnaire(page, first, 'donnees');
	await question(page, 'referent-donnees').locator('input[value=dontKnow]').check();
	await question(page, 'referent-donnees').getByLabel('Prévu dans les 12 mois').check();
	await waitSaved(page);
	await pick(page, 'politique-donnees', 0);
	await question(page, 'politique-donnees')
		.getByLabel('Commentaire (facultatif)')
		.fill('À voir avec la DSI');
	await waitSaved(page);
	await pick(page, 'inventaire-donnees', 1);
	await waitSaved(page);
	for (const q of ['gouvernance', 'inclusion']) {
		await openQuestionnaire(page, first, q);
		const id = (await page.locator('fieldset.question').first().getAttribute('data-question'))!;
		await pick(page, id, 1);
		await waitSaved(page);
	}

	// 2027: « Nouveau diagnostic à partir de celui-ci » opens the new diagnostic.
	await setYear(page, 2027);
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Nancy — 2026' })).toBeVisible();
	await page
		.getByRole('button', { name: 'Nouveau diagnostic à partir de celui-ci : Nancy — 2026' })
		.click();
	await page.waitForURL(
		(url) => /\/diagnostics\/[0-9a-f]{32}$/.test(url.pathname) && !url.pathname.endsWith(first)
	);
	const next = page.url().split('/').pop()!;
	expect(Object.keys(await storedAnswers(page, next)).sort()).toEqual(
		Object.keys(await storedAnswers(page, first)).sort()
	);

	// The overview lists what was carried, each linking to its question.
	const review = page.locator('section.carried-review');
	await expect(review.getByRole('heading', { name: 'Repris du diagnostic 2026' })).toBeVisible();
	await expect(review).toContainText(
		'À revoir : 1 élément prévu et 1 commentaire repris du diagnostic 2026'
	);
	await expect(review.locator('li[data-question]')).toHaveCount(2);
	await expect(review.locator('li[data-question="referent-donnees"]')).toContainText('prévu');
	await expect(review.locator('li[data-question="politique-donnees"]')).toContainText(
		'commentaire'
	);
	await expectNoAxeViolations(page);

	// The link opens the question; the officer now knows: « je ne sais pas » → a real answer.
	await review
		.locator('li[data-question="referent-donnees"]')
		.getByRole('link', { name: /Une personne est-elle chargée des données/ })
		.click();
	await expect(question(page, 'referent-donnees')).toBeVisible();
	await pick(page, 'referent-donnees', 3);
	await waitSaved(page);
	await pick(page, 'politique-donnees', 1);
	await waitSaved(page);

	// The review, marked done, stays done.
	await page.goto(`/diagnostics/${next}`);
	await review.getByRole('button', { name: 'J’ai revu ces éléments' }).click();
	await expect(review).toContainText('Revue faite le 2 mars 2027.');
	await page.reload();
	await expect(review).toContainText('Revue faite le 2 mars 2027.');
	await expect(review.getByRole('button', { name: 'J’ai revu ces éléments' })).toHaveCount(0);

	// The home list tells the two apart.
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Nancy — 2027' })).toBeVisible();
	await expect(page.locator(`li[data-diagnostic="${next}"]`)).toContainText(
		'À partir du diagnostic 2026'
	);

	// Results: last year's diagnostic is preselected and compared at once.
	await page.goto(`/diagnostics/${next}/resultats`);
	await expect(page.locator('#earlier')).toHaveValue(first);
	const themes = page.locator('table.year-themes[data-questionnaire="donnees"]');
	await expect(themes.getByRole('columnheader', { name: 'Avant (2026)' })).toBeVisible();
	await expect(themes.getByRole('columnheader', { name: 'Maintenant (2027)' })).toBeVisible();
	const gouvernance = themes.getByRole('row', { name: /^Gouvernance de la donnée/ });
	// « je ne sais pas » and the lowest choice became higher ones: a rise, signed and in words.
	await expect(gouvernance.locator('td.delta [aria-hidden="true"]')).toHaveText(/^\+\d+$/);
	await expect(gouvernance.locator('td.delta .visually-hidden')).toHaveText(
		/^en hausse de \d+ points?$/
	);
	const changes = page.locator('ul.changes li[data-question="referent-donnees"]');
	await expect(changes).toContainText(
		'je ne sais pas → Une personne est désignée par écrit, avec du temps dédié, et rend compte'
	);
	await expect(changes).toContainText('(en progrès)');
	await expect(page.locator('ul.changes li[data-question="politique-donnees"]')).toContainText(
		' → '
	);
	await expect(page.locator('ul.changes')).not.toContainText(/\d+ → \d+/);

	// The radar overlay: the earlier series drawn, in the legend and in the table, global and per questionnaire.
	for (const radar of ['radar-global', 'radar-donnees']) {
		const chart = page.locator(`#${radar}-chart`);
		await expect(chart).toContainText('Diagnostic précédent');
		await expect(chart.locator('polygon[stroke-dasharray="12 4"]')).toHaveCount(1);
	}
	const globalTable = page.locator('table:has(caption#radar-global-table-caption)');
	await expect(
		globalTable.getByRole('columnheader', { name: 'Diagnostic précédent' })
	).toBeVisible();
	const donneesTable = page.locator('table:has(caption#radar-donnees-table-caption)');
	await expect(
		donneesTable.getByRole('columnheader', { name: 'Diagnostic précédent' })
	).toBeVisible();
	await expectNoAxeViolations(page);

	// Choosing none removes the overlay; choosing it again brings it back.
	await page.locator('#earlier').selectOption('');
	await expect(page.locator('table.year-themes')).toHaveCount(0);
	await expect(page.locator('#radar-donnees-chart')).not.toContainText('Diagnostic précédent');
	await page.locator('#earlier').selectOption(first);
	await expect(page.locator('table.year-themes')).toHaveCount(3);
});
