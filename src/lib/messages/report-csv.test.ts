import { describe, expect, it } from 'vitest';
import { buildReport } from '../domain/report.ts';
import { scoreQuestionnaire } from '../domain/scoring.ts';
import { answers, choice, dontKnow, questionnaire, single, yes, yesNo } from '../domain/testing.ts';
import { reportCsv } from './report-csv.ts';

const q = questionnaire(
	[
		single('a', [0, 50, 100], { text: { fr: 'Sauvegardes ; testées ?', en: 'Backups; tested?' } }),
		yesNo('b'),
		yesNo('c')
	],
	{ id: 'cyber', title: { fr: 'Cybersécurité', en: 'Cybersecurity' } }
);
const given = answers({
	a: [choice('c1'), { comment: '« Sauvegardes testées — oui & non »', planned: true }],
	b: dontKnow,
	c: [yes, { comment: '=SOMME(A1)' }]
});
const scores = scoreQuestionnaire(q, { type: 'commune' }, given);
const report = buildReport({ parts: [{ questionnaire: q, answers: given, scores }] });
const linesOf = (csv: string) => csv.slice(1).trimEnd().split('\r\n');

describe('reportCsv in French', () => {
	const csv = reportCsv(report, 'fr');
	const lines = linesOf(csv);

	it('starts with a byte-order mark and uses ; and CRLF', () => {
		expect(csv.startsWith('\uFEFFLigne;Questionnaire;')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
	});
	it('has one row per question, theme, questionnaire and the global score', () => {
		expect(lines.map((l) => l.split(';')[0])).toEqual([
			'Ligne',
			'question',
			'question',
			'question',
			'thème',
			'questionnaire',
			'global'
		]);
	});
	it('quotes what must be quoted and keeps accents and comments', () => {
		expect(lines[1]).toBe(
			'question;Cybersécurité;1;a;a;"Sauvegardes ; testées ?";c1;50;;;« Sauvegardes testées — oui & non »;oui'
		);
		expect(lines[2]).toContain(';je ne sais pas;0;');
	});
	it('neutralises a comment that a spreadsheet would run as a formula', () => {
		expect(lines[3]).toContain(";'=SOMME(A1);");
	});
	it('writes the report’s whole numbers, as the page and the PDF show them', () => {
		expect(lines[4]).toMatch(/^thème;Cybersécurité;1;a;;;;50;67;/); // coverage 66.7 → 67
	});
});

describe('reportCsv in English', () => {
	const lines = linesOf(reportCsv(report, 'en'));

	it('has an English header, English row kinds and texts, and , between fields', () => {
		expect(lines[0]).toBe(
			'Row,Questionnaire,Version,Theme,Question (id),Question,Answer,Points,Coverage (%),Level,Comment,Planned within 12 months'
		);
		expect(lines[1]).toMatch(/^question,Cybersecurity,1,a,a,Backups; tested\?,c1,50,,,/);
		expect(lines[1]).toMatch(/,yes$/);
		expect(lines.map((l) => l.split(',')[0]).slice(4)).toEqual([
			'theme',
			'questionnaire',
			'overall'
		]);
	});
});
