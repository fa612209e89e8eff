import { expect, test } from '@playwright/test';
import {
	createNancy,
	expectNoAxeViolations,
	openQuestionnaire,
	question,
	waitSaved
} from './helpers.ts';

test('axe finds no violation on the home, profile and answering pages', async ({ page }) => {
	const id = await createNancy(page, ['donnees']);
	await page.goto('/');
	await expect(page.locator('li.diagnostic')).toHaveCount(1);
	await expectNoAxeViolations(page);

	await page.goto('/diagnostics/nouveau');
	await page.getByLabel('Rechercher votre collectivité').fill('Nancy');
	await page.getByRole('button', { name: /^Nancy Commune/ }).click();
	await page.getByRole('button', { name: 'Créer le diagnostic' }).click(); // shows the field errors too
	await expectNoAxeViolations(page);

	await page.goto(`/diagnostics/${id}`);
	await expect(page.getByRole('heading', { name: 'Diagnostic : Nancy' })).toBeVisible();
	await expectNoAxeViolations(page);

	await openQuestionnaire(page, id, 'donnees', 'ouverture');
	await page.locator('details.help').first().locator('summary').click();
	await page.locator('details.not-asked summary').click();
	await expectNoAxeViolations(page);

	await page.goto('/importer');
	await expect(page.getByLabel('Fichier de diagnostic (.json)')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a diagnostic can be created and answered with the keyboard alone', async ({ page }) => {
	await page.goto('/');
	// Skip link first, then the brand, then the main actions.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
	await page.getByRole('link', { name: 'Nouveau diagnostic' }).focus();
	await page.keyboard.press('Enter');
	await page.waitForURL('**/diagnostics/nouveau');

	await page.getByLabel('Rechercher votre collectivité').focus();
	await page.keyboard.type('Nancy');
	const nancy = page.getByRole('button', { name: /^Nancy Commune/ });
	await expect(nancy).toBeVisible();
	await page.keyboard.press('Tab'); // to the first result
	await expect(nancy).toBeFocused();
	await page.keyboard.press('Enter');
	await page.getByLabel('Nombre d’agents').focus();
	await page.keyboard.press('End'); // last band: 1 000 agents ou plus
	await expect(page.getByLabel('Nombre d’agents')).toHaveValue('1000+');
	await page.getByRole('button', { name: 'Créer le diagnostic' }).focus();
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/diagnostics\/[0-9a-f]{32}$/);

	await page.getByRole('link', { name: /Commencer\s: Cybersécurité/ }).focus();
	await page.keyboard.press('Enter');
	const first = page.locator('fieldset.question').first();
	await expect(first).toBeVisible();
	// Into the first radio group, then arrows move the choice as in any radio group.
	await first.getByRole('radio').first().focus();
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowDown');
	await waitSaved(page);
	await expect(first.getByRole('radio').nth(1)).toBeChecked();
	// The comment and the next theme are reachable too.
	await first.getByLabel('Commentaire (facultatif)').focus();
	await page.keyboard.type('Au clavier');
	await waitSaved(page);
	const firstId = (await first.getAttribute('data-question'))!;
	await page.reload();
	await expect(question(page, firstId).getByLabel('Commentaire (facultatif)')).toHaveValue(
		'Au clavier'
	);
});
