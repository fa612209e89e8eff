import { z } from 'zod';

/**
 * What the officer said for one question. "Je ne sais pas" and "Non applicable" are answers of
 * their own, available on every question:
 * - `notApplicable` takes the question out of every denominator;
 * - `dontKnow` scores 0 and lowers coverage (see `scoring.ts`).
 */
export const responseSchema = z.discriminatedUnion('type', [
	z.strictObject({ type: z.literal('choice'), choice: z.string().min(1) }),
	z.strictObject({ type: z.literal('choices'), choices: z.array(z.string().min(1)) }),
	z.strictObject({ type: z.literal('boolean'), value: z.boolean() }),
	z.strictObject({ type: z.literal('number'), value: z.number().finite() }),
	z.strictObject({ type: z.literal('text'), value: z.string().max(10_000) }),
	z.strictObject({ type: z.literal('dontKnow') }),
	z.strictObject({ type: z.literal('notApplicable') })
]);
export type Response = z.infer<typeof responseSchema>;

export const answerSchema = z.strictObject({
	/** Absent while the question only has a comment or a plan, not an answer yet. */
	response: responseSchema.optional(),
	comment: z.string().max(10_000).optional(),
	/** "Prévu dans les 12 mois": counted as done in the target score, on plannable questions. */
	planned: z.boolean().optional()
});
export type Answer = z.infer<typeof answerSchema>;

/** Answers of one questionnaire, by question id. */
export type AnswerSet = Readonly<Record<string, Answer | undefined>>;
