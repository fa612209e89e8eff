import { expect, type Page } from '@playwright/test';

/** Creates a diagnostic for Nancy from the official list; returns its id. */
export async function createNancy(page: Page, questionnaires?: string[]): Promise<string> {
	await page.goto('/');
	await page.getByRole('link', { name: 'Nouveau diagnostic' }).click();
	await page.getByLabel('Rechercher votre collectivité').fill('Nancy');
	await page.getByRole('button', { name: /^Nancy Commune/ }).click();
	await page.getByLabel('Nombre d’agents').selectOption('1000+');
	if (questionnaires) {
		for (const box of await page
			.getByRole('group', { name: 'Questionnaires' })
			.getByRole('checkbox')
			.all()) {
			const value = await box.getAttribute('value');
			await box.setChecked(questionnaires.includes(value ?? ''));
		}
	}
	await page.getByRole('button', { name: 'Créer le diagnostic' }).click();
	await page.waitForURL(/\/diagnostics\/[0-9a-f]{32}$/);
	return page.url().split('/').pop()!;
}

export async function openQuestionnaire(
	page: Page,
	id: string,
	questionnaire: string,
	theme?: string,
	prefix: '' | '/en' = ''
) {
	await page.goto(
		`${prefix}/diagnostics/${id}/questionnaires/${questionnaire}${theme ? `?theme=${theme}` : ''}`
	);
	await expect(page.locator('fieldset.question').first()).toBeVisible();
}

/** The question's fieldset. */
export const question = (page: Page, id: string) => page.locator(`fieldset[data-question="${id}"]`);

/** The ids of the questions shown on the page, in order. */
export const askedIds = (page: Page) =>
	page
		.locator('fieldset.question')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!));

/** Picks the n-th proposed answer (0-based) of a single-choice question. */
export async function choose(page: Page, questionId: string, n: number) {
	await question(page, questionId).getByRole('radio').nth(n).check();
}

export async function waitSaved(page: Page) {
	await expect(page.locator('.save-status')).toHaveAttribute('data-state', 'saved');
}

/** Reads what the browser store holds for a diagnostic, straight from IndexedDB. */
export async function storedAnswers(page: Page, assessmentId: string) {
	return page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = indexedDB.open('numeriscope');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		const rows = await new Promise<{ questionId: string; response?: unknown; comment?: string }[]>(
			(resolve, reject) => {
				const r = db.transaction('answers').objectStore('answers').index('assessmentId').getAll(id);
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			}
		);
		db.close();
		return Object.fromEntries(
			rows.map((r) => [r.questionId, { response: r.response, comment: r.comment }])
		);
	}, assessmentId);
}

/**
 * Answers every question asked in every theme of a questionnaire, varying the choices; in
 * English with `prefix` '/en'.
 */
export async function answerAll(
	page: Page,
	id: string,
	questionnaire: string,
	prefix: '' | '/en' = ''
) {
	await openQuestionnaire(page, id, questionnaire, undefined, prefix); // rendered in the browser
	const nav = page.getByRole('navigation', {
		name: prefix === '/en' ? 'Questionnaire themes' : 'Thèmes du questionnaire'
	});
	const themes = await nav.getByRole('button').count();
	expect(themes).toBeGreaterThan(0);
	for (let t = 0; t < themes; t++) {
		await nav.getByRole('button').nth(t).click();
		const questions = page.locator('fieldset.question');
		const count = await questions.count();
		for (let i = 0; i < count; i++) {
			const q = questions.nth(i);
			const values = q.locator(
				'input[type=radio]:not([value=dontKnow]):not([value=notApplicable])'
			);
			const n = await values.count();
			if (n > 0) await values.nth((i + t) % n).check();
			else if ((await q.locator('input[inputmode=decimal]').count()) > 0)
				await q.locator('input[inputmode=decimal]').fill('5');
			else await q.locator('input[type=checkbox]').first().check();
		}
		await waitSaved(page);
	}
	expect(Object.keys(await storedAnswers(page, id)).length).toBeGreaterThan(themes);
}

/** Exports a diagnostic from its page; returns the downloaded file's text. */
export async function exportFile(page: Page, assessmentId: string): Promise<string> {
	await page.goto(`/diagnostics/${assessmentId}`);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: /Exporter le diagnostic/ }).click();
	const { readFile } = await import('node:fs/promises');
	return readFile((await (await download).path())!, 'utf8');
}

/** The store of the e2e server (see `playwright.config.ts`), for the operator's command line. */
export function e2eStore(): string {
	const path = process.env['E2E_SQLITE_PATH'];
	if (!path)
		throw new Error('E2E_SQLITE_PATH is not set: run the tests with `npx playwright test`');
	return path;
}

/** Audits the page once it has rendered (diagnostics pages render in the browser). */
export async function expectNoAxeViolations(page: Page) {
	const { default: AxeBuilder } = await import('@axe-core/playwright');
	await expect(page.locator('main h1')).toBeVisible();
	await expect(page).toHaveTitle(/Numériscope/);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary).toEqual([]);
}

/**
 * The page's visible text, leaving out every fragment marked as being in `lang` (an element
 * whose nearest `lang` attribute names it): on an English page, `visibleTextWithoutLang(page,
 * 'fr')` is what must contain no French — names and untranslated content are marked `lang="fr"`.
 */
export async function visibleTextWithoutLang(page: Page, lang: 'fr' | 'en'): Promise<string> {
	return page.evaluate((lang) => {
		const parts: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent?.trim();
			const parent = node.parentElement;
			if (!text || !parent || parent.closest('script, style, template')) continue;
			if (!parent.checkVisibility({ visibilityProperty: true })) continue;
			const marked = parent.closest('[lang]')?.getAttribute('lang') ?? '';
			if (marked === lang || marked.startsWith(`${lang}-`)) continue;
			parts.push(text);
		}
		return parts.join('\n');
	}, lang);
}
