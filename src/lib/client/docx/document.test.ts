import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Packer } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnswerSet } from '../../domain/answer.ts';
import type { Profile } from '../../domain/profile.ts';
import { buildReport, type Report } from '../../domain/report.ts';
import { scoreQuestionnaire } from '../../domain/scoring.ts';
import { localize } from '../../domain/localize.ts';
import { AGEN, newestQuestionnaires, variedResponse } from '../../../../tests/support/backup.ts';
import { priorityItems } from '../../messages/report.ts';
import { reportDocument } from './document.ts';

/** The report of a diagnostic of `profile`, every question answered (or only `answered` of each). */
function report(profile: Profile, only?: string[], answered = Infinity): Report {
	return buildReport({
		parts: newestQuestionnaires(only).map((questionnaire) => {
			const answers: AnswerSet = Object.fromEntries(
				questionnaire.questions
					.slice(0, answered)
					.map((q, i) => [q.id, { response: variedResponse(q, i) }])
			);
			return {
				questionnaire,
				answers,
				scores: scoreQuestionnaire(questionnaire, profile, answers)
			};
		})
	});
}

const dir = mkdtempSync(join(tmpdir(), 'numeriscope-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
/** Packs the DOCX as the browser does (`docx`'s Packer), then reads its parts back with unzip. */
async function pack(r: Report, locale: 'fr' | 'en' = 'fr', profile: Profile = AGEN) {
	const doc = reportDocument({
		profile,
		date: new Date('2026-11-30T10:00:00Z'),
		report: r,
		locale
	});
	const file = join(dir, `report-${files++}.docx`);
	writeFileSync(file, await Packer.toBuffer(doc));
	const part = (name: string) => execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
	const unescape = (s: string) =>
		s
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&amp;/g, '&');
	const xml = part('word/document.xml');
	/** Each paragraph's text, with its style (Heading1, Title…) when it has one. */
	const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
		style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1],
		/** The list it belongs to (bullets and the priorities' numbered list differ). */
		list: /<w:numId w:val="(\d+)"/.exec(p)?.[1],
		text: unescape([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
	}));
	const headers = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' })
		.split('\n')
		.filter((n) => /^word\/header\d*\.xml$/.test(n))
		.map((n) => unescape(part(n).replace(/<[^>]+>/g, '')))
		.join('\n');
	return {
		xml,
		paragraphs,
		text: paragraphs.map((p) => p.text).join('\n'),
		headings: (style: string) => paragraphs.filter((p) => p.style === style).map((p) => p.text),
		styles: part('word/styles.xml'),
		headers
	};
}

describe('the editable report (DOCX)', () => {
	const full = report(AGEN);

	it('names the territory and the date, with « état du droit » and the global figures in words', async () => {
		const d = await pack(full);
		expect(d.headings('Title')).toEqual(['Diagnostic de maturité numérique — Agen']);
		expect(d.text).toContain('Commune (code 47001)');
		expect(d.text).toContain('Diagnostic du 30 novembre 2026');
		expect(d.text).toMatch(/État du droit au \d+ \w+ \d{4}/u);
		expect(d.text).toMatch(new RegExp(`Score global\\s:\\s${full.global.score}\\s/\\s100, niveau`));
	});

	it('lists the five priorities, once each, as a numbered list under « Par quoi commencer »', async () => {
		const d = await pack(full);
		const titleOf = (id: string) =>
			localize(full.parts.find((p) => p.questionnaire.id === id)!.questionnaire.title, 'fr');
		const items = priorityItems(full.priorities, titleOf, 'fr');
		expect(items).toHaveLength(5);
		const first = d.paragraphs.find((p) => p.text.includes(items[0]!.title) && p.list);
		const numbered = d.paragraphs.filter((p) => p.list === first?.list).map((p) => p.text);
		expect(numbered).toHaveLength(5);
		items.forEach((x, i) => {
			expect(numbered[i]).toContain(x.title);
			expect(d.text).toContain(x.firstStep);
		});
		expect(new Set(numbered).size).toBe(5);
	});

	it('uses Word headings (the navigation pane), real tables and the French language', async () => {
		const d = await pack(full);
		expect(d.headings('Heading1')).toEqual([
			'Synthèse',
			'Scores par questionnaire',
			'Obligations légales',
			'Plan d’action'
		]);
		const h2 = d.headings('Heading2');
		expect(h2).toContain('Par quoi commencer');
		expect(h2.some((h) => h.startsWith('Points forts'))).toBe(true);
		expect(h2).toContain('Cybersécurité');
		expect(h2.some((h) => h.startsWith('Tout de suite ('))).toBe(true);
		// One table for the global scores, one per questionnaire, the obligations, each horizon.
		const tables = d.xml.match(/<w:tbl>/g)?.length ?? 0;
		expect(tables).toBeGreaterThanOrEqual(1 + full.parts.length + 1 + 1);
		expect(d.xml).toContain('<w:tblHeader');
		expect(d.styles).toMatch(/<w:lang w:val="fr-FR"/);
		expect(d.styles).toContain('w:ascii="Arial"');
		// Every action of the plan is in its table, with its first step.
		for (const a of full.plan) expect(d.text).toContain(localize(a.recommendation.title, 'fr'));
	});

	it('is marked « Diffusion restreinte » in its header when it holds the cybersecurity detail', async () => {
		expect((await pack(full)).headers).toContain('Diffusion restreinte');
		const withoutCyber = await pack(report(AGEN, ['donnees', 'inclusion']));
		expect(withoutCyber.headers).not.toContain('Diffusion restreinte');
		expect(withoutCyber.text).not.toContain('Cybersécurité');
	});

	it('says plainly that an incomplete diagnostic is incomplete, and lists no strength', async () => {
		const d = await pack(report(AGEN, undefined, 2));
		expect(d.text).toContain('Diagnostic incomplet');
		expect(d.text).toContain('À compléter');
		expect(d.text).toContain('Aucun thème n’a encore assez de réponses pour être retenu.');
	});

	it('is written in English for an English reader, its language set to en-GB', async () => {
		const d = await pack(full, 'en');
		expect(d.styles).toMatch(/<w:lang w:val="en-GB"/);
		expect(d.headings('Heading2')).toContain('Cybersecurity');
		expect(d.headers).toContain('Restricted distribution');
		expect(d.text).not.toContain('Par quoi commencer');
	});
});
