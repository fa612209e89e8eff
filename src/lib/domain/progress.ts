import type { Answer, AnswerSet, Response } from './answer.ts';
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
