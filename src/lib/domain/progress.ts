import type { AnswerSet } from './answer.ts';
import { migrateAnswers } from './migration.ts';
import type { Profile } from './profile.ts';
import type { Question, Questionnaire } from './questionnaire.ts';
import { scoreQuestionnaire, type ScoreSummary } from './scoring.ts';

// The one measure of completion lives on its own, so that the answering page does not load scoring.
export { completion, completionPercent, hasResponse, type Completion } from './completion.ts';

export interface QuestionnaireProgress {
	questionnaireId: string;
	earlierVersion: number;
	version: number;
	before: ScoreSummary;
	after: ScoreSummary;
	themes: { themeId: string; before: number | null; after: number | null }[];
	/** Questions whose points changed, largest change first. */
	changes: { question: Question; before: number; after: number }[];
	/** Share (0–1) of the questions asked now whose earlier answer could be compared. */
	comparableShare: number;
}

/**
 * Compares a questionnaire of this diagnostic with an earlier diagnostic of the same territory.
 * Earlier answers given against an older version are first carried to the current version (see
 * `migration.ts`), so both are scored by the same questions; what could not be carried (new
 * questions, changed questions, choices without equivalent) lowers `comparableShare`.
 */
export function compareWithEarlier(
	current: Questionnaire,
	currentAnswers: AnswerSet,
	earlierAnswers: AnswerSet,
	earlierVersion: number,
	versions: readonly Questionnaire[],
	profile: Partial<Profile>
): QuestionnaireProgress {
	const migrated = migrateAnswers(earlierAnswers, versions, earlierVersion, current.version);
	const before = scoreQuestionnaire(current, profile, migrated.answers);
	const after = scoreQuestionnaire(current, profile, currentAnswers);
	const notComparable = new Set(migrated.report.review.map((r) => r.questionId));
	const asked = after.questions.filter((r) => r.status !== 'notAsked');
	const beforeById = new Map(before.questions.map((r) => [r.questionId, r]));
	const changes: QuestionnaireProgress['changes'] = [];
	for (const r of after.questions) {
		const b = beforeById.get(r.questionId);
		if (r.score === null || b?.score === null || b === undefined || b.score === r.score) continue;
		changes.push({
			question: current.questions.find((q) => q.id === r.questionId)!,
			before: b.score,
			after: r.score
		});
	}
	changes.sort((x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before));
	return {
		questionnaireId: current.id,
		earlierVersion,
		version: current.version,
		before: before.overall,
		after: after.overall,
		themes: current.themes.map((t) => ({
			themeId: t.id,
			before: before.themes[t.id]?.score ?? null,
			after: after.themes[t.id]?.score ?? null
		})),
		changes,
		comparableShare:
			asked.length === 0
				? 1
				: asked.filter((r) => !notComparable.has(r.questionId)).length / asked.length
	};
}
