import type { AnswerSet } from './answer.ts';
import { askedFlags } from './applicability.ts';
import { migrateAnswers } from './migration.ts';
import type { Profile } from './profile.ts';
import type { Question, Questionnaire } from './questionnaire.ts';
import { scoreQuestionnaire, type ScoreSummary } from './scoring.ts';

/** How far a questionnaire (or one of its themes) is answered. */
export interface Completion {
	/** Questions asked that have a response. */
	done: number;
	/** Questions asked: those whose condition holds for this profile and these answers. */
	total: number;
}

/**
 * The one measure of how far a questionnaire is answered, for the answering page, the diagnostic's
 * overview, the list of diagnostics and the results. A question counts when it is asked (its
 * `applicableIf` holds); it is done when it has a response — « je ne sais pas » and « non
 * applicable » are responses, a comment or a plan alone is not. Answering a question can ask or
 * un-ask others, so the total moves with the answers.
 *
 * Example: questions a, b and c, c asked only when a is « oui »: no answer → 0 / 2; a « non » →
 * 1 / 2; a « oui » → 1 / 3; a « oui », c « je ne sais pas » → 2 / 3.
 */
export function completion(
	questionnaire: Questionnaire,
	profile: Partial<Profile>,
	answers: AnswerSet,
	themeId?: string
): Completion {
	const asked = askedFlags(questionnaire, profile, answers);
	let done = 0;
	let total = 0;
	questionnaire.questions.forEach((q, i) => {
		if (!asked[i] || (themeId !== undefined && q.theme !== themeId)) return;
		total++;
		if (answers[q.id]?.response !== undefined) done++;
	});
	return { done, total };
}

/** Completion as a whole percentage, 100 when nothing is asked (1 / 3 → 33). */
export function completionPercent({ done, total }: Completion): number {
	return total === 0 ? 100 : Math.floor((done / total) * 100);
}

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
