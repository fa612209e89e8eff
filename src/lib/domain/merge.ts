import type { Answer, AnswerSet } from './answer.ts';

export interface MergeEntry {
	questionnaireId: string;
	questionId: string;
}
export interface Conflict extends MergeEntry {
	mine: Answer;
	theirs: Answer;
}

export interface MergePlan {
	/** Answered in the file only: added. */
	added: (MergeEntry & { theirs: Answer })[];
	/** The same answer on both sides. */
	same: MergeEntry[];
	/** Answered differently: the officer chooses, question by question. */
	conflicts: Conflict[];
}

type Answers = Readonly<Record<string, AnswerSet>>;

/**
 * Compares a colleague's answers (`theirs`, e.g. the RSSI's cybersecurity file) with the
 * diagnostic's (`mine`). Answers only mine are kept as they are and not listed.
 */
export function planMerge(mine: Answers, theirs: Answers): MergePlan {
	const plan: MergePlan = { added: [], same: [], conflicts: [] };
	for (const [questionnaireId, set] of Object.entries(theirs)) {
		for (const [questionId, t] of Object.entries(set)) {
			if (!t) continue;
			const m = mine[questionnaireId]?.[questionId];
			if (!m) plan.added.push({ questionnaireId, questionId, theirs: t });
			else if (sameAnswer(m, t)) plan.same.push({ questionnaireId, questionId });
			else plan.conflicts.push({ questionnaireId, questionId, mine: m, theirs: t });
		}
	}
	return plan;
}

export const conflictKey = (e: MergeEntry) => `${e.questionnaireId}/${e.questionId}`;

/**
 * The merged answers: mine, plus what the file adds, plus for each conflict the side chosen
 * (`choices[conflictKey]`; a conflict without a choice keeps mine).
 */
export function applyMerge(
	mine: Answers,
	plan: MergePlan,
	choices: Readonly<Record<string, 'mine' | 'theirs'>>
): Record<string, Record<string, Answer>> {
	const out: Record<string, Record<string, Answer>> = {};
	for (const [q, set] of Object.entries(mine))
		for (const [id, a] of Object.entries(set)) if (a) (out[q] ??= {})[id] = a;
	for (const a of plan.added) (out[a.questionnaireId] ??= {})[a.questionId] = a.theirs;
	for (const c of plan.conflicts)
		if (choices[conflictKey(c)] === 'theirs')
			(out[c.questionnaireId] ??= {})[c.questionId] = c.theirs;
	return out;
}

function sameAnswer(a: Answer, b: Answer): boolean {
	// Ticks in another order are the same answer.
	const norm = (r: Answer['response']) =>
		JSON.stringify(r?.type === 'choices' ? { ...r, choices: [...r.choices].sort() } : (r ?? null));
	return (
		norm(a.response) === norm(b.response) &&
		(a.comment ?? '') === (b.comment ?? '') &&
		(a.planned ?? false) === (b.planned ?? false)
	);
}
