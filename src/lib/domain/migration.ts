import type { Answer, AnswerSet, Response } from './answer.ts';
import { allowsNotApplicable } from './question-rules.ts';
import type { Question, Questionnaire } from './questionnaire.ts';
import { questionScore } from './scoring.ts';

export type ReviewReason =
	/** The question did not exist in the version the answers come from. */
	| 'new'
	/** The chosen answer has no equivalent in the new version (mapped to null). */
	| 'choiceRemoved'
	/** The old answer does not fit the new question (its kind or range changed). */
	| 'changed'
	/** « Non applicable » was the answer, and the new question no longer offers it. */
	| 'notApplicableRefused';

export interface MigrationReport {
	/** Answers carried over unchanged; `from` is the question id they had in the oldest version. */
	carried: { questionId: string; from: string }[];
	/** Answers whose choices were remapped. */
	remapped: { questionId: string; from: string; choicesFrom: string[]; choicesTo: string[] }[];
	/**
	 * Questions the officer should look at again. When an old answer could not be carried, it is
	 * kept here (`previous`, with its comment) so that nothing typed is lost.
	 */
	review: { questionId: string; reason: ReviewReason; previous?: Answer }[];
	/** Old question ids whose answers were dropped because the question was removed. */
	removed: string[];
}

export interface MigrationResult {
	answers: Record<string, Answer>;
	report: MigrationReport;
}

/**
 * Carries answers from `from` to `to`, one version at a time, along the migrations each version
 * declares. Throws when a version of the chain is missing from `versions`.
 *
 * Example: v2 renames `dpo` to `dpo-designe` and maps choice `partiel` to null. An answer
 * `dpo = oui` is carried to `dpo-designe = oui`; `dpo = partiel` leaves `dpo-designe` unanswered
 * and listed for review with reason `choiceRemoved`; a question new in v2 is listed as `new`; a
 * « non applicable » on a v2 question that does not offer it is listed as `notApplicableRefused`.
 */
export function migrateAnswers(
	answers: AnswerSet,
	versions: readonly Questionnaire[],
	from: number,
	to: number
): MigrationResult {
	if (to < from) throw new Error(`cannot migrate backwards (v${from} → v${to})`);
	const find = (v: number) => {
		const q = versions.find((x) => x.version === v);
		if (!q) throw new Error(`version ${v} is missing from the migration chain`);
		return q;
	};
	let current: Record<string, Answer> = definedOnly(answers);
	let report: MigrationReport = { carried: [], remapped: [], review: [], removed: [] };
	for (let v = from; v < to; v++) {
		const step = migrateStep(current, find(v), find(v + 1));
		report = chain(report, step.report, find(v + 1));
		current = step.answers;
	}
	if (from === to)
		report.carried = Object.keys(current).map((id) => ({ questionId: id, from: id }));
	return { answers: current, report };
}

/** One step, from version N to N+1 using N+1's `migration`. */
export function migrateStep(
	answers: AnswerSet,
	prev: Questionnaire,
	next: Questionnaire
): MigrationResult {
	const m = next.migration ?? { from: prev.version, renamed: {}, removed: [], choices: {} };
	const nextById = new Map(next.questions.map((q) => [q.id, q]));
	const out: Record<string, Answer> = {};
	const report: MigrationReport = { carried: [], remapped: [], review: [], removed: [] };
	const reached = new Set<string>();

	for (const [oldId, answer] of Object.entries(answers)) {
		if (!answer) continue;
		if (m.removed.includes(oldId)) {
			report.removed.push(oldId);
			continue;
		}
		const newId = m.renamed[oldId] ?? oldId;
		const question = nextById.get(newId);
		if (!question) {
			report.removed.push(oldId);
			continue;
		}
		reached.add(newId);
		const mapped = answer.response
			? mapResponse(answer.response, question, m.choices[newId] ?? {})
			: ({ kind: 'carried', response: undefined } as const);
		if (mapped.kind === 'review') {
			report.review.push({ questionId: newId, reason: mapped.reason, previous: answer });
			continue;
		}
		const { planned, ...rest } = answer;
		out[newId] = {
			...rest,
			...(mapped.response ? { response: mapped.response } : {}),
			...(planned !== undefined && question.plannable ? { planned } : {})
		};
		if (mapped.kind === 'remapped')
			report.remapped.push({
				questionId: newId,
				from: oldId,
				choicesFrom: mapped.from,
				choicesTo: mapped.to
			});
		else report.carried.push({ questionId: newId, from: oldId });
	}
	const oldIds = new Set(prev.questions.map((q) => q.id));
	const renamedTo = new Set(Object.values(m.renamed));
	for (const q of next.questions) {
		if (!reached.has(q.id) && !oldIds.has(q.id) && !renamedTo.has(q.id))
			report.review.push({ questionId: q.id, reason: 'new' });
	}
	return { answers: out, report };
}

type Mapped =
	| { kind: 'carried'; response?: Response }
	| { kind: 'remapped'; response: Response; from: string[]; to: string[] }
	| { kind: 'review'; reason: ReviewReason };

function mapResponse(
	r: Response,
	q: Question,
	map: Readonly<Record<string, string | null>>
): Mapped {
	if (r.type === 'notApplicable')
		return allowsNotApplicable(q)
			? { kind: 'carried', response: r }
			: { kind: 'review', reason: 'notApplicableRefused' };
	if (r.type === 'dontKnow') return { kind: 'carried', response: r };
	if (r.type === 'choice' && q.kind === 'single') {
		if (!(r.choice in map)) return fits(r, q);
		const to = map[r.choice];
		if (to === null || to === undefined) return { kind: 'review', reason: 'choiceRemoved' };
		return {
			kind: 'remapped',
			response: { type: 'choice', choice: to },
			from: [r.choice],
			to: [to]
		};
	}
	if (r.type === 'choices' && q.kind === 'multiple') {
		if (!r.choices.some((c) => c in map)) return fits(r, q);
		const to = r.choices.map((c) => (c in map ? map[c] : c));
		if (to.some((c) => c === null || c === undefined))
			return { kind: 'review', reason: 'choiceRemoved' };
		const choices = [...new Set(to as string[])];
		return {
			kind: 'remapped',
			response: { type: 'choices', choices },
			from: r.choices,
			to: choices
		};
	}
	return fits(r, q);
}

function fits(r: Response, q: Question): Mapped {
	if (q.kind === 'text')
		return r.type === 'text'
			? { kind: 'carried', response: r }
			: { kind: 'review', reason: 'changed' };
	return questionScore(q, r) === null
		? { kind: 'review', reason: 'changed' }
		: { kind: 'carried', response: r };
}

/** Composes the report of the steps so far with the next step's, in terms of the newest ids. */
function chain(
	before: MigrationReport,
	step: MigrationReport,
	next: Questionnaire
): MigrationReport {
	const renamed = next.migration?.renamed ?? {};
	const removed = new Set(next.migration?.removed ?? []);
	const follow = (id: string) => (removed.has(id) ? undefined : (renamed[id] ?? id));
	const origin = new Map(
		[...before.carried, ...before.remapped].map((c) => [c.questionId, c.from] as const)
	);
	const reviewed = new Set(step.review.map((r) => r.questionId));
	const earlierReview = before.review.flatMap((r) => {
		const id = follow(r.questionId);
		return id === undefined || reviewed.has(id) ? [] : [{ ...r, questionId: id }];
	});
	// An answer remapped at an earlier step stays "remapped", from its first choices.
	const earlierRemap = new Map(before.remapped.map((r) => [r.questionId, r]));
	const carried: MigrationReport['carried'] = [];
	const remapped: MigrationReport['remapped'] = [];
	for (const c of step.carried) {
		const r = earlierRemap.get(c.from);
		if (r) remapped.push({ ...r, questionId: c.questionId });
		else carried.push({ ...c, from: origin.get(c.from) ?? c.from });
	}
	for (const c of step.remapped) {
		const r = earlierRemap.get(c.from);
		remapped.push({
			...c,
			from: origin.get(c.from) ?? c.from,
			choicesFrom: r?.choicesFrom ?? c.choicesFrom
		});
	}
	return {
		carried,
		remapped,
		review: [...earlierReview, ...step.review],
		removed: [...before.removed, ...step.removed]
	};
}

function definedOnly(answers: AnswerSet): Record<string, Answer> {
	const out: Record<string, Answer> = {};
	for (const [id, a] of Object.entries(answers)) if (a) out[id] = a;
	return out;
}
