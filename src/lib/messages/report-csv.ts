import { csvText, type CsvCell } from '../domain/csv.ts';
import { rounded, type Figures, type Report } from '../domain/report.ts';
import { m } from '../paraglide/messages.js';
import { answerText, levelText, text, type Locale } from './report.ts';

/**
 * The answers and scores of a diagnostic as CSV, in the reader's language: one row per question
 * asked, then one per theme and questionnaire, then the global score. Numbers are the report's
 * (whole points and percents); `;` between fields in French, `,` in English.
 */
export function reportCsv(report: Report, locale: Locale): string {
	const o = { locale };
	const figures = (f: Figures): CsvCell[] => [
		f.score,
		f.coverage,
		f.level ? levelText(f.level, locale) : ''
	];
	const rows: CsvCell[][] = [
		[
			m.csv_col_row({}, o),
			m.csv_col_questionnaire({}, o),
			m.csv_col_version({}, o),
			m.csv_col_theme({}, o),
			m.csv_col_question_id({}, o),
			m.csv_col_question({}, o),
			m.csv_col_answer({}, o),
			m.csv_col_points({}, o),
			m.csv_col_coverage({}, o),
			m.csv_col_level({}, o),
			m.csv_col_comment({}, o),
			m.csv_col_planned({}, o)
		]
	];
	for (const part of report.parts) {
		const q = part.questionnaire;
		const title = text(q.title, locale);
		const themeTitle = (id: string) => {
			const theme = q.themes.find((t) => t.id === id);
			return theme ? text(theme.title, locale) : id;
		};
		for (const r of part.scores.questions) {
			if (r.status === 'notAsked') continue;
			const question = q.questions.find((x) => x.id === r.questionId)!;
			const a = part.answers[r.questionId];
			rows.push([
				m.csv_row_question({}, o),
				title,
				q.version,
				themeTitle(question.theme),
				question.id,
				text(question.text, locale),
				answerText(question, a && { ...a, planned: false }, locale),
				rounded(r.score),
				null,
				null,
				a?.comment,
				a?.planned ? m.csv_yes({}, o) : ''
			]);
		}
		for (const t of part.themes)
			rows.push([
				m.csv_row_theme({}, o),
				title,
				q.version,
				text(t.title, locale),
				null,
				null,
				null,
				...figures(t),
				null,
				null
			]);
		rows.push([
			m.csv_row_questionnaire({}, o),
			title,
			q.version,
			null,
			null,
			null,
			null,
			...figures(part.overall),
			null,
			null
		]);
	}
	rows.push([
		m.csv_row_global({}, o),
		null,
		null,
		null,
		null,
		null,
		null,
		...figures(report.global),
		null,
		null
	]);
	return csvText(rows, locale === 'fr' ? ';' : ',');
}
