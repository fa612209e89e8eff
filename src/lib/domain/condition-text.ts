import type { Condition } from './condition.ts';

/**
 * A condition as the officer is told it ("asked only if …"), in codes with their values; the UI
 * puts it in words from the message catalog (`src/lib/messages/condition.ts`).
 */
export type ConditionDescription =
	| { code: 'all' | 'any'; parts: ConditionDescription[] }
	| { code: 'not'; part: ConditionDescription }
	/** Territory types (`commune`, `cc`…) or INSEE region codes, as written in the file. */
	| { code: 'type' | 'region'; values: string[] }
	| {
			code: 'population_at_least' | 'population_below' | 'agents_at_least' | 'agents_below';
			n: number;
	  }
	| { code: 'answer_at_least' | 'answer_below'; question: string; n: number }
	| { code: 'answer_allows'; question: string }
	| { code: 'always' };

/**
 * `{ all: [{ profile: population, gte: 3500 }, { profile: agents, gte: 50 }] }` →
 * `{ code: 'all', parts: [{ code: 'population_at_least', n: 3500 }, { code: 'agents_at_least', n: 50 }] }`,
 * which the French UI says "population de 3 500 habitants ou plus et 50 agents ou plus".
 * `question` is the id of the question an answer test reads.
 */
export function describeCondition(c: Condition): ConditionDescription {
	if (c.all) return { code: 'all', parts: c.all.map(describeCondition) };
	if (c.any) return { code: 'any', parts: c.any.map(describeCondition) };
	if (c.not) return { code: 'not', part: describeCondition(c.not) };
	const values = (c.in ?? [c.equals]).map(String);
	if (c.profile === 'type' || c.profile === 'region') return { code: c.profile, values };
	if (c.profile === 'population' || c.profile === 'agents')
		return c.gte !== undefined
			? { code: `${c.profile}_at_least`, n: c.gte }
			: { code: `${c.profile}_below`, n: c.lt ?? 0 };
	if (c.question) {
		if (c.gte !== undefined) return { code: 'answer_at_least', question: c.question, n: c.gte };
		if (c.lt !== undefined) return { code: 'answer_below', question: c.question, n: c.lt };
		return { code: 'answer_allows', question: c.question };
	}
	return { code: 'always' };
}
