import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { AnswerSet } from '../../src/lib/domain/answer.ts';
import { localize } from '../../src/lib/domain/localize.ts';
import { buildReport } from '../../src/lib/domain/report.ts';
import { scoreQuestionnaire } from '../../src/lib/domain/scoring.ts';
import { AGEN, fullBackup, newestQuestionnaires, variedResponse } from '../support/backup.ts';
import { expectNoAxeViolations } from './helpers.ts';

const ID = 'docx0000000000000000000000000001';

/** What the app computes from the same answers: the five priorities, in order. */
function expectedPriorities(locale: 'fr' | 'en'): string[] {
	const report = buildReport({
		parts: newestQuestionnaires().map((questionnaire) => {
			const answers: AnswerSet = Object.fromEntries(
				questionnaire.questions.map((q, i) => [q.id, { response: variedResponse(q, i) }])
			);
			return { questionnaire, answers, scores: scoreQuestionnaire(questionnaire, AGEN, answers) };
		})
	});
	return report.priorities.map((a) => localize(a.recommendation.title, locale));
}

/** Imports Agen's diagnostic (about 30,000 inhabitants, all five questionnaires answered). */
async function importAgen(page: Page, file: string, prefix: '' | '/en' = '') {
	writeFileSync(file, fullBackup(undefined, ID, { profile: AGEN }));
	await page.goto(`${prefix}/importer`);
	await page
		.getByLabel(prefix ? 'Assessment file (.json)' : 'Fichier de diagnostic (.json)')
		.setInputFiles(file);
	await page.getByRole('button', { name: prefix ? 'Import' : 'Importer', exact: true }).click();
	await page.waitForURL(new RegExp(`/diagnostics/${ID}`));
	await page.goto(`${prefix}/diagnostics/${ID}/resultats`);
	await expect(page.locator('.peer-note').first()).toBeVisible();
}

/** The paragraphs of the DOCX's body, unzipped from the file as saved. */
function paragraphs(file: string): string[] {
	const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
	return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
		[...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
			.map((t) => t[1]!)
			.join('')
			.replace(/&apos;/g, "'")
			.replace(/&quot;/g, '"')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&')
	);
}

const hasSoffice = (() => {
	try {
		execFileSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
})();

test('the editable report (DOCX) of a commune of 32,000: loaded on the click, names the territory and the five priorities', async ({
	page
}, info) => {
	await importAgen(page, info.outputPath('agen.json'));

	// Nothing of the DOCX before the click: its code (docx's Word XML) comes in its own chunk.
	const scripts = new Map<string, string>();
	page.on('response', async (r) => {
		if (r.request().resourceType() === 'script') scripts.set(r.url(), await r.text());
	});
	await page.reload();
	await expect(page.locator('.peer-note').first()).toBeVisible();
	await page.waitForLoadState('networkidle');
	const before = new Set(scripts.keys());
	expect(before.size).toBeGreaterThan(0);
	for (const [url, js] of scripts) expect(js.includes('wordprocessingml'), url).toBe(false);

	const button = page.getByRole('button', { name: 'Rapport modifiable (.docx)' });
	await expect(button).toBeVisible();
	const download = page.waitForEvent('download');
	await button.click();
	const saved = await download;
	expect(saved.suggestedFilename()).toMatch(/^rapport-agen-\d{4}-\d{2}-\d{2}\.docx$/);
	const file = info.outputPath('rapport.docx');
	await saved.saveAs(file);
	const loaded = [...scripts.entries()].filter(([url]) => !before.has(url));
	expect(loaded.some(([, js]) => js.includes('wordprocessingml'))).toBe(true);

	const lines = paragraphs(file);
	expect(lines).toContain('Diagnostic de maturité numérique — Agen');
	expect(lines.some((l) => l.startsWith('Diffusion restreinte'))).toBe(false); // header, not body
	const header = execFileSync('unzip', ['-p', file, 'word/header1.xml'], { encoding: 'utf8' });
	expect(header).toContain('Diffusion restreinte');

	// The five priorities, distinct, in order, between « Par quoi commencer » and « Points forts ».
	const start = lines.indexOf('Par quoi commencer');
	const end = lines.findIndex((l) => l.startsWith('Points forts'));
	expect(start).toBeGreaterThan(-1);
	expect(end).toBeGreaterThan(start);
	const section = lines.slice(start, end);
	const priorities = expectedPriorities('fr');
	expect(priorities).toHaveLength(5);
	expect(new Set(priorities).size).toBe(5);
	const at = priorities.map((title) => section.findIndex((l) => l.startsWith(title)));
	expect(at.every((i) => i > 0)).toBe(true);
	expect([...at].sort((a, b) => a - b)).toEqual(at);
	for (const heading of ['Synthèse', 'Scores par questionnaire', 'Obligations légales'])
		expect(lines).toContain(heading);
	expect(lines).toContain('Plan d’action');

	await expectNoAxeViolations(page);

	// Opens in LibreOffice, when it is installed (it is not on every machine: then say so).
	if (!hasSoffice) {
		info.annotations.push({ type: 'skipped', description: 'LibreOffice (soffice) not installed' });
		return;
	}
	const out = info.outputPath('pdf');
	execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, file], {
		timeout: 120_000
	});
	const text = execFileSync('pdftotext', ['-enc', 'UTF-8', `${out}/rapport.pdf`, '-'], {
		encoding: 'utf8'
	}).replace(/\s+/g, ' ');
	expect(text).toContain('Agen');
	for (const title of priorities) expect(text).toContain(title.replace(/\s+/g, ' '));
});

test('in English at /en: the editable report is in English, its language en-GB', async ({
	page
}, info) => {
	await importAgen(page, info.outputPath('agen.json'), '/en');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Editable report (.docx)' }).click();
	const file = info.outputPath('report.docx');
	await (await download).saveAs(file);
	const lines = paragraphs(file);
	expect(lines).toContain('Where to start');
	for (const title of expectedPriorities('en'))
		expect(lines.some((l) => l.startsWith(title))).toBe(true);
	const styles = execFileSync('unzip', ['-p', file, 'word/styles.xml'], { encoding: 'utf8' });
	expect(styles).toContain('<w:lang w:val="en-GB"');
});
