import { z } from 'zod';
import { slugSchema } from './text.ts';
import type { BasedOn, Carried, CarriedItem } from './year.ts';

/** The backup file's schemas of what `year.ts` defines (kept apart: zod loads with the file). */

const idSchema = slugSchema.max(100);
/** A diagnostic's id as the store and the backup file spell it. */
export const assessmentIdSchema = z.string().regex(/^[\w-]{8,64}$/);

export const carriedItemSchema = z.strictObject({
	questionnaireId: idSchema,
	questionId: idSchema,
	planned: z.boolean(),
	comment: z.boolean()
}) satisfies z.ZodType<CarriedItem>;

export const basedOnSchema = z.strictObject({
	id: assessmentIdSchema,
	createdAt: z.int().positive()
}) satisfies z.ZodType<BasedOn>;

export const carriedSchema = z.strictObject({
	items: z.array(carriedItemSchema).max(10_000),
	reviewedAt: z.int().positive().optional()
}) satisfies z.ZodType<Carried>;
