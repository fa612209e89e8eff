import type { AnswerSet, Response } from './answer.ts';
import { evaluateCondition, referencedQuestions } from './condition.ts';
import type { Profile } from './profile.ts';
import type { Questionnaire } from './questionnaire.ts';

/**
 * Which questions are asked of this territory, given its profile and its answers so far.
 * A question whose condition reads another answer is applicable only once that answer is known
 * (answered, not "je ne sais pas" nor "non applicable", and itself applicable).
 */
export function applicableQuestions(
	q: Questionnaire,
	profile: Partial<Profile>,
	answers: AnswerSet
): Set<string> {
	const asked = askedFlags(q, profile, answers);
	return new Set(q.questions.filter((_, i) => asked[i]).map((x) => x.id));
}

/** `askedFlags(q, …)[i]` tells whether `q.questions[i]` is asked. The fast path for scoring. */
export function askedFlags(
	q: Questionnaire,
	profile: Partial<Profile>,
	answers: AnswerSet
): boolean[] {
	const { order, indexOf } = plan(q);
	const asked = new Array<boolean>(q.questions.length).fill(true);
	const ctx = {
		profile,
		response: (id: string) => {
			const i = indexOf.get(id);
			return i !== undefined && asked[i] ? usable(answers[id]?.response) : undefined;
		}
	};
	for (const i of order) asked[i] = evaluateCondition(q.questions[i]!.applicableIf, ctx);
	return asked;
}

function usable(r: Response | undefined): Response | undefined {
	return r === undefined || r.type === 'dontKnow' || r.type === 'notApplicable' ? undefined : r;
}

interface Plan {
	/** Indexes of the conditional questions, each after the questions its condition reads. */
	order: number[];
	indexOf: Map<string, number>;
}
const plans = new WeakMap<Questionnaire, Plan>();

/** Computed once per questionnaire object (coherence guarantees there is no cycle). */
function plan(q: Questionnaire): Plan {
	const cached = plans.get(q);
	if (cached) return cached;
	const indexOf = new Map(q.questions.map((x, i) => [x.id, i]));
	const done = new Set<number>();
	const order: number[] = [];
	const visit = (i: number, depth: number) => {
		const question = q.questions[i];
		if (!question || done.has(i) || depth > q.questions.length) return;
		for (const dep of referencedQuestions(question.applicableIf)) {
			const d = indexOf.get(dep);
			if (d !== undefined) visit(d, depth + 1);
		}
		if (!done.has(i)) {
			done.add(i);
			if (question.applicableIf) order.push(i);
		}
	};
	q.questions.forEach((_, i) => visit(i, 0));
	const result = { order, indexOf };
	plans.set(q, result);
	return result;
}
