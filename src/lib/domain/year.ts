import type { AnswerSet } from './answer.ts';

/*
 * Year on year: a diagnostic started from an earlier one of the same territory keeps its answers;
 * what the officer had planned (« prévu ») or commented then is listed for review, and the
 * results compare with the previous diagnostic of the territory. Plain types here (the pages load
 * this module); their schemas for the backup file are in `year-schema.ts`.
 */

/** One answer carried from the earlier diagnostic with a plan, a comment or both. */
export interface CarriedItem {
	questionnaireId: string;
	questionId: string;
	planned: boolean;
	comment: boolean;
}

/** The diagnostic a new one was started from. */
export interface BasedOn {
	id: string;
	/** Its creation time (its year), kept should it be deleted. */
	createdAt: number;
}

/** What was carried over for review, and when the officer marked the review done. */
export interface Carried {
	items: CarriedItem[];
	reviewedAt?: number;
}

/**
 * The answers carrying a plan or a comment, questionnaire by questionnaire in the given order,
 * questions in their stored order. Example: `{ q: { a: { planned: true }, b: { comment: 'x' },
 * c: { comment: '  ' } } }` → a (planned), b (comment); a blank comment is none.
 */
export function carriedItems(
	answers: Readonly<Record<string, AnswerSet>>,
	order: readonly string[] = Object.keys(answers)
): CarriedItem[] {
	return order.flatMap((questionnaireId) =>
		Object.entries(answers[questionnaireId] ?? {}).flatMap(([questionId, a]) => {
			const planned = a?.planned === true;
			const comment = !!a?.comment?.trim();
			return planned || comment ? [{ questionnaireId, questionId, planned, comment }] : [];
		})
	);
}

/** How many plans and comments a review lists (an answer with both counts in each). */
export function carriedCounts(items: readonly CarriedItem[]): {
	planned: number;
	comments: number;
} {
	return {
		planned: items.filter((i) => i.planned).length,
		comments: items.filter((i) => i.comment).length
	};
}

/** A diagnostic's year: the year it was created in (local time). */
export function diagnosticYear(createdAt: number): number {
	return new Date(createdAt).getFullYear();
}

/** What the preselection needs to know of a diagnostic. */
export interface DiagnosticKey {
	id: string;
	createdAt: number;
	/** The territory's code (INSEE or SIREN); absent for a territory without one. */
	code?: string | undefined;
	basedOn?: BasedOn | undefined;
}

/**
 * The diagnostics a diagnostic can be compared with, newest first: those of the same territory
 * (same code) created before it, and the one it was started from even without a code.
 */
export function earlierDiagnostics<T extends DiagnosticKey>(
	current: DiagnosticKey,
	others: readonly T[]
): T[] {
	return others
		.filter(
			(o) =>
				o.id !== current.id &&
				o.createdAt < current.createdAt &&
				((!!current.code && o.code === current.code) || o.id === current.basedOn?.id)
		)
		.sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * The diagnostic the results compare with at first: the most recent one of the same territory
 * created before this one (see `earlierDiagnostics`), or none.
 */
export function previousDiagnostic<T extends DiagnosticKey>(
	current: DiagnosticKey,
	others: readonly T[]
): T | undefined {
	return earlierDiagnostics(current, others)[0];
}
