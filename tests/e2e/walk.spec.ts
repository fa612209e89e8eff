import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { answerAll, visibleTextWithoutLang } from './helpers.ts';

/*
 * The done-when walk of the message layer: the built app, home → profile → a questionnaire →
 * results → PDF, in English finds no French, and in French no English, outside what is marked in
 * the other language (names, legal references and untranslated content carry `lang`).
 *
 * Two nets, each able to fail: every text of the catalog that differs between the languages must
 * not appear in the other language's pages (the PDF included); and a handful of the commonest
 * words of the other language, between spaces, must not either (text that bypassed the catalog).
 */

const catalog = (locale: string) =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
const fr = catalog('fr');
const en = catalog('en');
/** The fixed part of each message (its longest run between parameters), when it is long enough
 * to be specific and differs from the other language's. */
const fixedParts = (from: Record<string, string>, other: Record<string, string>) =>
	Object.entries(from)
		.filter(([k, v]) => k !== '$schema' && v !== other[k])
		.map(([, v]) =>
			v.split(/\{[^}]*\}/).reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), '')
		)
		.filter((s) => s.length >= 12 && !/^[\p{P}\p{S}\d\s]*$/u.test(s));
const frenchParts = fixedParts(fr, en);
const englishParts = fixedParts(en, fr);
/** Proper names, the same in both languages (the longer first: they are cut out in order). */
const names = [
	'Métropole du Grand Nancy',
	'Banque des Territoires',
	'Défenseur des droits',
	'Numériscope',
	'Légifrance',
	'Grand Est',
	'Nancy'
];

const frenchWords = /(?:^|\s)(le|la|les|des|du|une|et|est|vos|votre|pour|avec|dans|sur|aux|ou)\s/;
const englishWords = /(?:^|\s)(the|and|of|your|you|with|for|this|is|are|to)\s/;

function expectNone(text: string, parts: string[], words: RegExp, where: string) {
	let clean = text;
	for (const n of names) clean = clean.replaceAll(n, '');
	const found = parts.filter((p) => clean.includes(p));
	expect(found, `${where}: catalog texts of the other language`).toEqual([]);
	const lines = clean.split('\n').filter((l) => words.test(` ${l} `));
	expect(lines, `${where}: words of the other language`).toEqual([]);
}

async function checkPage(page: Page, locale: 'fr' | 'en', where: string) {
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	const other = locale === 'en' ? 'fr' : 'en';
	const text = await visibleTextWithoutLang(page, other);
	if (locale === 'en') expectNone(text, frenchParts, frenchWords, where);
	else expectNone(text, englishParts, englishWords, where);
}

async function pdfText(page: Page, button: RegExp, file: string): Promise<string> {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: button }).click();
	await (await download).saveAs(file);
	return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

for (const locale of ['en', 'fr'] as const) {
	test(`the whole app in ${locale === 'en' ? 'English' : 'French'}: home, profile, questionnaire, results, PDF`, async ({
		page
	}, info) => {
		test.setTimeout(180_000);
		const prefix = locale === 'en' ? '/en' : '';
		const t = locale === 'en' ? en : fr;

		await page.goto(`${prefix}/`);
		await checkPage(page, locale, 'home');

		await page.getByRole('link', { name: t['home_new']! }).click();
		await page.waitForURL(`**${prefix}/diagnostics/nouveau`);
		await page.getByLabel(t['search_label']!).fill('Nancy');
		await page
			.getByRole('button', { name: /^Nancy / })
			.first()
			.click();
		await page.getByLabel(t['profile_agents']!).selectOption('1000+');
		for (const box of await page.getByRole('group').getByRole('checkbox').all())
			await box.setChecked((await box.getAttribute('value')) === 'inclusion');
		await checkPage(page, locale, 'new diagnostic (profile)');
		await page.getByRole('button', { name: t['profile_new_create']! }).click();
		await page.waitForURL(new RegExp(`${prefix}/diagnostics/[0-9a-f]{32}$`));
		const id = page.url().split('/').pop()!;
		await checkPage(page, locale, 'overview');

		await page.goto(`${prefix}/diagnostics/${id}/profil`);
		await expect(page.locator('form')).toBeVisible();
		await checkPage(page, locale, 'profile');

		await answerAll(page, id, 'inclusion', prefix);
		await checkPage(page, locale, 'questionnaire');

		await page.goto(`${prefix}/diagnostics/${id}/resultats`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.locator('.peer-note').first()).toBeVisible();
		await checkPage(page, locale, 'results');

		const text = await pdfText(page, /PDF/, info.outputPath(`walk-${locale}.pdf`));
		expect(text).toContain('Nancy');
		// The PDF has no `lang` marks: the catalog net only (content and references are the
		// questionnaire's, in the chosen language or French where untranslated).
		const other = locale === 'en' ? frenchParts : englishParts;
		expect(
			other.filter((p) => text.includes(p)),
			'PDF: catalog texts of the other language'
		).toEqual([]);
	});
}
