import type { AnswerSet } from './answer.ts';
import { answerLabel } from './answer-label.ts';
import { localize } from './localize.ts';
import type { Questionnaire } from './questionnaire.ts';
import type { QuestionnaireScores, ScoreSummary } from './scoring.ts';

/** A field for a French spreadsheet: `;`-separated, quoted when needed, formulas neutralised. */
function field(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	let s = typeof value === 'number' ? String(Math.round(value * 10) / 10).replace('.', ',') : value;
	// A cell starting with = + - @ would be run as a formula by the spreadsheet.
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const row = (cells: (string | number | null | undefined)[]) => cells.map(field).join(';');
const score = (s: ScoreSummary) => [s.score, s.coverage, s.level ? localize(s.level.label) : ''];

/**
 * The answers and scores of a diagnostic as CSV: UTF-8 with a byte-order mark so that a
 * spreadsheet opens the accents correctly, `;` between fields (French locale), CRLF lines.
 * One row per question asked, then one per theme and questionnaire, then the global score.
 */
export function diagnosticCsv(
	parts: readonly {
		questionnaire: Questionnaire;
		answers: AnswerSet;
		scores: QuestionnaireScores;
	}[],
	global: ScoreSummary
): string {
	const lines = [
		row([
			'Ligne',
			'Questionnaire',
			'Version',
			'Thème',
			'Question (id)',
			'Question',
			'Réponse',
			'Points',
			'Couverture (%)',
			'Niveau',
			'Commentaire',
			'Prévu dans les 12 mois'
		])
	];
	for (const { questionnaire: q, answers, scores } of parts) {
		const title = localize(q.title);
		const themeTitle = (id: string) =>
			localize(q.themes.find((t) => t.id === id)?.title ?? { fr: id });
		for (const r of scores.questions) {
			if (r.status === 'notAsked') continue;
			const question = q.questions.find((x) => x.id === r.questionId)!;
			const a = answers[r.questionId];
			lines.push(
				row([
					'question',
					title,
					q.version,
					themeTitle(question.theme),
					question.id,
					localize(question.text),
					answerLabel(question, a),
					r.score,
					null,
					null,
					a?.comment,
					a?.planned ? 'oui' : ''
				])
			);
		}
		for (const t of q.themes)
			lines.push(
				row([
					'thème',
					title,
					q.version,
					localize(t.title),
					null,
					null,
					null,
					...score(scores.themes[t.id]!),
					null,
					null
				])
			);
		lines.push(
			row([
				'questionnaire',
				title,
				q.version,
				null,
				null,
				null,
				null,
				...score(scores.overall),
				null,
				null
			])
		);
	}
	lines.push(row(['global', null, null, null, null, null, null, ...score(global), null, null]));
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
