import type { Answer, AnswerSet, Response } from './answer.ts';
import { migrateAnswers } from './migration.ts';
import type { Profile } from './profile.ts';
import type { Question, Questionnaire } from './questionnaire.ts';
import { scoreQuestionnaire, type ScoreSummary } from './scoring.ts';

// The one measure of completion lives on its own, so that the answering page does not load scoring.
export { completion, completionPercent, hasResponse, type Completion } from './completion.ts';

/** A question answered both times, with a different answer. */
export interface AnswerChange {
	question: Question;
	/** Its points before and after (null: « non applicable », not scored). */
	before: number | null;
	after: number | null;
	/** The earlier answer (carried to the current version) and the current one, as given. */
	earlierAnswer: Answer;
	answer: Answer;
}

export interface QuestionnaireProgress {
	questionnaireId: string;
	earlierVersion: number;
	version: number;
	before: ScoreSummary;
	after: ScoreSummary;
	/** Theme scores before and after; `delta` in whole points of the rounded scores, when both exist. */
	themes: { themeId: string; before: number | null; after: number | null; delta: number | null }[];
	/**
	 * Questions asked and answered both times whose answer changed (« je ne sais pas » → « oui »),
	 * largest change of points first; free-text answers and questions that could not be carried
	 * from the earlier version are left out.
	 */
	changes: AnswerChange[];
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
	const afterById = new Map(after.questions.map((r) => [r.questionId, r]));
	const changes: AnswerChange[] = [];
	current.questions.forEach((question) => {
		const r = afterById.get(question.id);
		const b = beforeById.get(question.id);
		const earlierAnswer = migrated.answers[question.id];
		const answer = currentAnswers[question.id];
		if (
			question.kind === 'text' ||
			notComparable.has(question.id) ||
			!r ||
			r.status === 'notAsked' ||
			!b ||
			b.status === 'notAsked' ||
			!earlierAnswer?.response ||
			!answer?.response ||
			sameResponse(earlierAnswer.response, answer.response)
		)
			return;
		changes.push({ question, before: b.score, after: r.score, earlierAnswer, answer });
	});
	const size = (c: AnswerChange) => Math.abs((c.after ?? 0) - (c.before ?? 0));
	changes.sort((x, y) => size(y) - size(x));
	return {
		questionnaireId: current.id,
		earlierVersion,
		version: current.version,
		before: before.overall,
		after: after.overall,
		themes: current.themes.map((t) => {
			const b = before.themes[t.id]?.score ?? null;
			const a = after.themes[t.id]?.score ?? null;
			return { themeId: t.id, before: b, after: a, delta: scoreDelta(b, a) };
		}),
		changes,
		comparableShare:
			asked.length === 0
				? 1
				: asked.filter((r) => !notComparable.has(r.questionId)).length / asked.length
	};
}

/** The change between two scores as shown, rounded first: 61.6 → 70.4 is 62 → 70, +8. */
export function scoreDelta(before: number | null, after: number | null): number | null {
	return before === null || after === null ? null : Math.round(after) - Math.round(before);
}

/** The same response, the order of ticked choices aside. */
function sameResponse(a: Response, b: Response): boolean {
	switch (a.type) {
		case 'choice':
			return b.type === 'choice' && a.choice === b.choice;
		case 'choices':
			return (
				b.type === 'choices' &&
				a.choices.length === b.choices.length &&
				a.choices.every((c) => b.choices.includes(c))
			);
		case 'boolean':
		case 'number':
		case 'text':
			return b.type === a.type && b.value === a.value;
		default:
			return b.type === a.type;
	}
}
