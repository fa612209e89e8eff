import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { backup, importBackup, questionnaires } from './diagnostic-file.ts';

const ID = 'count0000000000000000000000000001';

/** « 27 / 30 » read off a text: [done, total]. */
function counts(text: string): [number, number] {
	const match = /(\d+) \/ (\d+) questions répondues/.exec(text.replace(/\s+/g, ' '));
	expect(match, `no count in « ${text} »`).not.toBeNull();
	return [Number(match![1]), Number(match![2])];
}

async function answeringCounts(page: Page, id: string, questionnaire: string) {
	await page.goto(`/diagnostics/${id}/questionnaires/${questionnaire}`);
	await expect(page.locator('fieldset.question').first()).toBeVisible();
	const overall = counts(await page.locator('.progress-text').innerText());
	// Each theme's « x/y » in the themes' list adds up to the whole.
	const themes = await page
		.locator('.theme-nav .count')
		.evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));
	let sum: [number, number] = [0, 0];
	for (const t of themes) {
		const [d, n] = t.split('/').map(Number);
		sum = [sum[0] + d!, sum[1] + n!];
	}
	expect(sum, `themes of ${questionnaire}: ${themes.join(', ')}`).toEqual(overall);
	return overall;
}

test('the home list, the overview and the answering page show the same count', async ({ page }) => {
	test.setTimeout(120_000);
	const qs = await questionnaires(page);
	const file = backup(qs, ID, 'Saint-Dié-des-Vosges');
	// Every question has an answer, the questions not asked of a commune of 19,500 included (as in
	// a file from a larger territory); on one question with « aucun de ces éléments », nothing is
	// ticked: no answer yet, everywhere.
	const cyber = qs.find((q) => q.id === 'cybersecurite')!;
	const mfa = cyber.questions.find((q) => q.id === 'double-authentification')!;
	expect(mfa.kind === 'multiple' && mfa.noneOfThese).toBeTruthy();
	const answer = file.answers.find(
		(a) => a.questionnaireId === 'cybersecurite' && a.questionId === mfa.id
	)!;
	answer.response = { type: 'choices', choices: [] };
	const path = join(tmpdir(), `count-${process.pid}.json`);
	writeFileSync(path, JSON.stringify(file));
	await importBackup(page, path, ID);

	// The overview, where the import lands.
	const overview: Record<string, [number, number]> = {};
	for (const q of qs)
		overview[q.id] = counts(
			await page
				.locator('.questionnaire-progress > li')
				.filter({ has: page.locator(`#progress-${q.id}`) })
				.locator('label')
				.innerText()
		);

	await page.goto('/');
	const home: Record<string, [number, number]> = {};
	await expect(page.locator(`[data-diagnostic="${ID}"] .progress-list li`)).toHaveCount(qs.length);
	const lines = await page.locator(`[data-diagnostic="${ID}"] .progress-list li`).allInnerTexts();
	expect(lines).toHaveLength(qs.length);
	qs.forEach((q, i) => (home[q.id] = counts(lines[i]!)));

	const answering: Record<string, [number, number]> = {};
	for (const q of qs) answering[q.id] = await answeringCounts(page, ID, q.id);

	expect(home).toEqual(overview);
	expect(answering).toEqual(overview);
	// Some questions are not asked of this commune: the count is of those asked, not of the file.
	expect(qs.some((q) => overview[q.id]![1] < q.questions.length)).toBe(true);
	for (const q of qs) {
		const [done, total] = overview[q.id]!;
		expect(done, q.id).toBe(q.id === 'cybersecurite' ? total - 1 : total);
	}
});
