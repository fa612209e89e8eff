import { z } from 'zod';
import { conditionSchema } from './condition-schema.ts';
import { httpsUrlSchema, localizedSchema, slugSchema } from './text.ts';

/** Every score in the content is a number of points from 0 to 100. */
const points = z
	.number()
	.min(0, 'a score is between 0 and 100')
	.max(100, 'a score is between 0 and 100');

export const choiceSchema = z.strictObject({
	id: slugSchema,
	label: localizedSchema,
	/** Points for this choice; for `multiple`, ticked choices add up (capped at 100). */
	score: points,
	help: localizedSchema.optional()
});
export type Choice = z.infer<typeof choiceSchema>;

export const legalBasisSchema = z.strictObject({
	/** Short citation, e.g. "CRPA art. L312-1-1". */
	reference: z.string().trim().min(1),
	/** What the obligation says, in plain words. */
	text: localizedSchema,
	url: httpsUrlSchema.optional(),
	/** The obligation counts as met from this question score on (100 = only the best answer). */
	metFromScore: points.default(100)
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

export const levelOfEffort = z.enum(['low', 'medium', 'high']);
export type LevelOfEffort = z.infer<typeof levelOfEffort>;

export const recommendationSchema = z.strictObject({
	title: localizedSchema,
	why: localizedSchema,
	how: localizedSchema,
	links: z.array(z.strictObject({ label: localizedSchema, url: httpsUrlSchema })).default([]),
	effort: levelOfEffort,
	impact: levelOfEffort,
	/** Shown when the question scores below this (100: any answer short of the best). */
	whenScoreBelow: points.default(100)
});
export type Recommendation = z.infer<typeof recommendationSchema>;

const questionBase = {
	id: slugSchema,
	theme: slugSchema,
	text: localizedSchema,
	help: localizedSchema.optional(),
	/** Relative weight in the theme and questionnaire means. */
	weight: z.number().min(0).max(10).default(1),
	applicableIf: conditionSchema.optional(),
	legalBasis: legalBasisSchema.optional(),
	/** The officer may mark the item "prévu dans les 12 mois" (counted as done in the target). */
	plannable: z.boolean().default(false),
	recommendations: z.array(recommendationSchema).default([])
};

export const questionSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		...questionBase,
		kind: z.literal('single'),
		choices: z.array(choiceSchema).min(2, 'a single-choice question needs at least 2 choices')
	}),
	z.strictObject({
		...questionBase,
		kind: z.literal('multiple'),
		choices: z.array(choiceSchema).min(2, 'a multiple-choice question needs at least 2 choices')
	}),
	z.strictObject({
		...questionBase,
		kind: z.literal('boolean'),
		scores: z.strictObject({ yes: points, no: points }).default({ yes: 100, no: 0 })
	}),
	z.strictObject({
		...questionBase,
		kind: z.literal('scale'),
		/** Integer steps from `min` to `max`, scored linearly from 0 to 100. */
		scale: z.strictObject({
			min: z.int(),
			max: z.int(),
			minLabel: localizedSchema,
			maxLabel: localizedSchema
		})
	}),
	z.strictObject({
		...questionBase,
		kind: z.literal('number'),
		unit: localizedSchema.optional(),
		/** Ascending: a value scores the points of the last threshold whose `from` it reaches. */
		thresholds: z
			.array(z.strictObject({ from: z.number(), score: points }))
			.min(1, 'a number question needs at least one threshold')
	}),
	z.strictObject({
		...questionBase,
		kind: z.literal('text'),
		/** Free text is never scored. */
		weight: z.literal(0, 'a text question is not scored: its weight is 0').default(0)
	})
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionKind = Question['kind'];
export type ChoiceQuestion = Extract<Question, { kind: 'single' | 'multiple' }>;

export const themeSchema = z.strictObject({
	id: slugSchema,
	title: localizedSchema,
	description: localizedSchema.optional()
});
export type Theme = z.infer<typeof themeSchema>;

export const levelSchema = z.strictObject({
	id: slugSchema,
	/** The level starts at this score (inclusive) and runs to the next level's `min`. */
	min: points,
	label: localizedSchema,
	description: localizedSchema.optional()
});
export type Level = z.infer<typeof levelSchema>;

/** How the answers of version N-1 map onto this version N. */
export const migrationSchema = z.strictObject({
	from: z.int().min(1),
	/** Old question id → new question id. */
	renamed: z.record(slugSchema, slugSchema).default({}),
	/** Old question ids with no successor: their answers are dropped. */
	removed: z.array(slugSchema).default([]),
	/** New question id → (old choice id → new choice id, or null when no equivalent exists). */
	choices: z.record(slugSchema, z.record(slugSchema, slugSchema.nullable())).default({})
});
export type Migration = z.infer<typeof migrationSchema>;

export const questionnaireSchema = z.strictObject({
	/** Lets editors find the JSON Schema; ignored otherwise. */
	$schema: z.string().optional(),
	id: slugSchema,
	version: z.int().min(1),
	title: localizedSchema,
	description: localizedSchema,
	/** Answers are sensitive (e.g. security weaknesses): the UI warns before any export. */
	sensitive: z.boolean().default(false),
	themes: z.array(themeSchema).min(1),
	questions: z.array(questionSchema).min(1),
	levels: z.array(levelSchema).min(2),
	/** Earlier versions whose theme scores may be pooled with this one in benchmarks. */
	comparableWith: z.array(z.int().min(1)).default([]),
	migration: migrationSchema.optional()
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type QuestionnaireInput = z.input<typeof questionnaireSchema>;

/** The highest score a question can give: used by coherence and by the action plan. */
export function maxScore(q: Question): number | null {
	switch (q.kind) {
		case 'single':
			return Math.max(...q.choices.map((c) => c.score));
		case 'multiple':
			return Math.min(
				100,
				q.choices.reduce((s, c) => s + c.score, 0)
			);
		case 'boolean':
			return Math.max(q.scores.yes, q.scores.no);
		case 'scale':
			return 100;
		case 'number':
			return Math.max(...q.thresholds.map((t) => t.score));
		case 'text':
			return null;
	}
}

/** The lowest score a question can give. */
export function minScore(q: Question): number | null {
	switch (q.kind) {
		case 'single':
			return Math.min(...q.choices.map((c) => c.score));
		case 'multiple':
			return 0;
		case 'boolean':
			return Math.min(q.scores.yes, q.scores.no);
		case 'scale':
			return 0;
		case 'number':
			return Math.min(0, ...q.thresholds.map((t) => t.score));
		case 'text':
			return null;
	}
}
