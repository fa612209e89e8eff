import { z } from 'zod';
import { profileFields, type Condition } from './condition.ts';

const combinators = ['all', 'any', 'not'] as const;
const subjects = ['profile', 'question'] as const;
const operators = ['equals', 'in', 'gte', 'lt'] as const;

function present<K extends keyof Condition>(c: Condition, keys: readonly K[]): K[] {
	return keys.filter((k) => c[k] !== undefined);
}

export const conditionSchema: z.ZodType<Condition> = z
	.strictObject({
		get all() {
			return z.array(conditionSchema).min(1).optional();
		},
		get any() {
			return z.array(conditionSchema).min(1).optional();
		},
		get not() {
			return conditionSchema.optional();
		},
		profile: z.enum(profileFields).optional(),
		question: z.string().min(1).optional(),
		equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
		in: z
			.array(z.union([z.string(), z.number()]))
			.min(1)
			.optional(),
		gte: z.number().optional(),
		lt: z.number().optional()
	})
	.superRefine((c, ctx) => {
		const heads = [...present(c, combinators), ...present(c, subjects)];
		const ops = present(c, operators);
		if (heads.length !== 1) {
			ctx.addIssue({
				code: 'custom',
				message:
					heads.length === 0
						? 'a condition needs one of: all, any, not, profile, question'
						: `a condition has exactly one of all, any, not, profile, question (found ${heads.join(', ')})`
			});
			return;
		}
		const head = heads[0];
		if (head === 'all' || head === 'any' || head === 'not') {
			if (ops.length > 0)
				ctx.addIssue({
					code: 'custom',
					message: `"${head}" cannot be combined with ${ops.join(', ')}`
				});
			return;
		}
		if (ops.length !== 1) {
			ctx.addIssue({
				code: 'custom',
				message: `a test on a ${head} needs exactly one operator among equals, in, gte, lt (found ${ops.length === 0 ? 'none' : ops.join(', ')}); combine tests with all/any`
			});
		}
	});
