import { z } from 'zod';
import { conditionSchema } from './condition-schema.ts';
import { FORMAT_V2 } from './question-rules.ts';
import { httpsUrlSchema, localizedSchema, slugSchema } from './text.ts';

/** Every score in the content is a number of points from 0 to 100. */
const points = z
	.number()
	.min(0, 'a score is between 0 and 100')
	.max(100, 'a score is between 0 and 100');

export const legalBasisSchema = z.strictObject({
	/** Short title for the obligations table; required from version 2. */
	title: localizedSchema.optional(),
	/** Short citation, e.g. "CRPA art. L312-1-1". */
	reference: z.string().trim().min(1),
	/** What the obligation says, in plain words. */
	text: localizedSchema,
	/** The source text (Légifrance…); required from version 2. */
	url: httpsUrlSchema.optional(),
	/** The obligation counts as met from this question score on (100 = only the best answer). */
	metFromScore: points.default(100)
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

export const levelOfEffort = z.enum(['low', 'medium', 'high']);
export type LevelOfEffort = z.infer<typeof levelOfEffort>;

/** What to do, why and how: shared by question and choice recommendations. */
const recommendationBody = {
	title: localizedSchema,
	why: localizedSchema,
	how: localizedSchema,
	links: z.array(z.strictObject({ label: localizedSchema, url: httpsUrlSchema })).default([]),
	effort: levelOfEffort,
	impact: levelOfEffort
};

export const recommendationSchema = z.strictObject({
	...recommendationBody,
	/** Shown when the question scores below this (100: any answer short of the best). */
	whenScoreBelow: points.default(100)
});
export type Recommendation = z.infer<typeof recommendationSchema>;

/**
 * A recommendation attached to one choice: for `single`, shown when this choice is the answer;
 * for `multiple`, shown when it is not ticked.
 */
export const choiceRecommendationSchema = z.strictObject(recommendationBody);
export type ChoiceRecommendation = z.infer<typeof choiceRecommendationSchema>;

export const choiceSchema = z.strictObject({
	id: slugSchema,
	label: localizedSchema,
	/** Points for this choice; for `multiple`, ticked choices add up (capped at 100). */
	score: points,
	help: localizedSchema.optional(),
	recommendation: choiceRecommendationSchema.optional()
});
export type Choice = z.infer<typeof choiceSchema>;

/**
 * The exclusive « aucun de ces éléments » of a `multiple` question: scores 0, cannot be ticked
 * with another choice, and is a real answer (unlike nothing ticked).
 */
export const noneOfTheseSchema = z.strictObject({ id: slugSchema, label: localizedSchema });
export type NoneOfThese = z.infer<typeof noneOfTheseSchema>;

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
	/**
	 * The officer may answer « non applicable » (the question then leaves the scores and its
	 * obligation is declared not applicable). Unset: allowed up to version 1, not from version 2
	 * (the questionnaire schema resolves it, see `resolveNotApplicable`).
	 */
	notApplicable: z.boolean().optional(),
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
		choices: z.array(choiceSchema).min(2, 'a multiple-choice question needs at least 2 choices'),
		noneOfThese: noneOfTheseSchema.optional()
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

const questionnaireObject = z.strictObject({
	/** Lets editors find the JSON Schema; ignored otherwise. */
	$schema: z.string().optional(),
	id: slugSchema,
	version: z.int().min(1),
	/** « État du droit au »: the date the legal content was checked against; required from version 2. */
	lawAsOf: z.iso
		.date('lawAsOf is a date written YYYY-MM-DD (e.g. 2026-11-30): « état du droit au »')
		.optional(),
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
type QuestionnaireShape = z.infer<typeof questionnaireObject>;

/** Fields optional in version 1 that a version 2 or later must give, each with why. */
function requireFromV2(q: QuestionnaireShape, ctx: z.RefinementCtx) {
	if (q.version < FORMAT_V2) return;
	const missing = (path: PropertyKey[], message: string) =>
		ctx.addIssue({ code: 'custom', path, message: `${message} (required from version 2)` });
	if (q.lawAsOf === undefined)
		missing(['lawAsOf'], 'lawAsOf is missing: the « état du droit au » date, e.g. 2026-11-30');
	q.questions.forEach((x, i) => {
		if (!x.legalBasis) return;
		if (!x.legalBasis.title)
			missing(
				['questions', i, 'legalBasis', 'title'],
				`legalBasis.title of "${x.id}" is missing: the obligation's short title for the obligations table`
			);
		if (!x.legalBasis.url)
			missing(
				['questions', i, 'legalBasis', 'url'],
				`legalBasis.url of "${x.id}" is missing: the https address of the legal text`
			);
	});
}

/** `notApplicable` left unset means allowed up to version 1 and not allowed from version 2. */
function resolveNotApplicable(q: QuestionnaireShape): QuestionnaireShape {
	return {
		...q,
		questions: q.questions.map((x) => ({
			...x,
			notApplicable: x.notApplicable ?? q.version < FORMAT_V2
		}))
	};
}

export const questionnaireSchema = questionnaireObject
	.superRefine(requireFromV2)
	.transform(resolveNotApplicable);
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type QuestionnaireInput = z.input<typeof questionnaireSchema>;

// The rules on one question live in a module without zod, so that the answering and results pages
// use them without the schemas; re-exported here for the content tools and the server.
export {
	allChoices,
	allowsNotApplicable,
	maxScore,
	minScore,
	tickChoice
} from './question-rules.ts';
