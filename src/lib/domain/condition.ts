import { agentsBands } from './profile-fields.ts';
import type { Profile } from './profile.ts';
import type { Response } from './answer.ts';

/**
 * `applicableIf`: a small predicate language, written as data (never code, never a string
 * expression). A condition is exactly one of:
 *
 * - `{ all: [c1, c2…] }` every one holds; `{ any: [c1, c2…] }` at least one; `{ not: c }`;
 * - a test on the profile: `{ profile: type, equals: commune }`, `{ profile: type, in: [cc, ca] }`,
 *   `{ profile: population, gte: 3500 }`, `{ profile: agents, lt: 50 }`, `{ profile: region, in: ["01", "02"] }`;
 * - a test on another answer: `{ question: dpo-designe, equals: oui }` (a choice id, `true`/`false`
 *   for a boolean, a number), `{ question: outils, in: [a, b] }` (for `multiple`: any of them ticked),
 *   `{ question: nb-agents-formes, gte: 10 }`.
 *
 * A test on something unknown (a profile field left empty, a question unanswered, answered
 * "je ne sais pas" or "non applicable", or itself not applicable) is false; `not` is plain negation.
 */
export interface Condition {
	all?: Condition[];
	any?: Condition[];
	not?: Condition;
	profile?: ProfileField;
	question?: string;
	equals?: string | number | boolean;
	in?: (string | number)[];
	gte?: number;
	lt?: number;
}

export const profileFields = ['type', 'population', 'agents', 'region'] as const;
export type ProfileField = (typeof profileFields)[number];

/** What a condition may look at while it is evaluated. */
export interface ConditionContext {
	profile: Partial<Profile>;
	/** The usable response to a question, or undefined when unknown (see `Condition`). */
	response(questionId: string): Response | undefined;
}

/** Evaluates a condition; an absent condition means "always applicable". */
export function evaluateCondition(c: Condition | undefined, ctx: ConditionContext): boolean {
	if (c === undefined) return true;
	if (c.all) return c.all.every((x) => evaluateCondition(x, ctx));
	if (c.any) return c.any.some((x) => evaluateCondition(x, ctx));
	if (c.not) return !evaluateCondition(c.not, ctx);
	if (c.profile) return testProfile(c, ctx.profile);
	if (c.question) return testResponse(c, ctx.response(c.question));
	return false;
}

function testProfile(c: Condition, profile: Partial<Profile>): boolean {
	switch (c.profile) {
		case 'type':
			return testScalar(c, profile.type);
		case 'region':
			return testScalar(c, profile.region);
		case 'population':
			return testScalar(c, profile.population);
		case 'agents': {
			const band = agentsBands.find((b) => b.id === profile.agents);
			if (!band) return false;
			// Thresholds sit on band edges (coherence), so a whole band is on one side.
			if (c.gte !== undefined) return band.min >= c.gte;
			if (c.lt !== undefined) return band.max < c.lt;
			return testScalar(c, band.id);
		}
		default:
			return false;
	}
}

function testScalar(c: Condition, value: string | number | boolean | undefined): boolean {
	if (value === undefined) return false;
	if (c.equals !== undefined) return value === c.equals;
	if (c.in !== undefined) return (c.in as unknown[]).includes(value);
	if (typeof value !== 'number') return false;
	if (c.gte !== undefined) return value >= c.gte;
	if (c.lt !== undefined) return value < c.lt;
	return false;
}

function testResponse(c: Condition, r: Response | undefined): boolean {
	if (r === undefined) return false;
	switch (r.type) {
		case 'choice':
			return testScalar(c, r.choice);
		case 'choices':
			if (c.equals !== undefined) return r.choices.includes(c.equals as string);
			if (c.in !== undefined) return r.choices.some((x) => (c.in as unknown[]).includes(x));
			return false;
		case 'boolean':
		case 'number':
		case 'text':
			return testScalar(c, r.value);
		default:
			return false;
	}
}

/** The question ids a condition reads, for coherence and for ordering evaluation. */
export function referencedQuestions(c: Condition | undefined, into: string[] = []): string[] {
	if (!c) return into;
	c.all?.forEach((x) => referencedQuestions(x, into));
	c.any?.forEach((x) => referencedQuestions(x, into));
	if (c.not) referencedQuestions(c.not, into);
	if (c.question) into.push(c.question);
	return into;
}
