import { z } from 'zod';
import { answerSchema, type Answer, type AnswerSet } from './answer.ts';
import { contributionCohortSchema, contributionSchema } from './contribution.ts';
import { campaignYearSchema, participationTokenSchema, secretPattern } from './participation.ts';
import { formatPath } from './problem.ts';
import { profileSchema } from './profile.ts';
import type { Questionnaire } from './questionnaire.ts';
import { questionScore } from './scoring.ts';
import { slugSchema } from './text.ts';

export const BACKUP_FORMAT = 'numeriscope-diagnostic';
/** The format this version of the app writes. Older files are upgraded by `upgraders`. */
export const BACKUP_VERSION = 2;

const answerEntrySchema = answerSchema.extend({
	questionnaireId: slugSchema,
	questionId: slugSchema
});

/**
 * A participation token the diagnostic holds for one questionnaire of one campaign: the unblinded
 * token, the secret S that replaces or withdraws what it sent, and what it last sent. It travels
 * in the export file so that a colleague or a new computer can still update or withdraw.
 */
export const heldTokenSchema = z
	.strictObject({
		campaign: campaignYearSchema,
		/** The official cohort of the invitation, bound to the token's key. */
		cohort: contributionCohortSchema,
		questionnaire: slugSchema,
		/** The versions of the questionnaire the campaign collects. */
		versions: z.array(z.int().min(1)).min(1).max(50),
		token: participationTokenSchema,
		secret: z.string().regex(secretPattern, 'a secret is 43 base64url characters'),
		/** ready: never used; sent: a contribution is live; withdrawn: it was withdrawn. */
		status: z.enum(['ready', 'sent', 'withdrawn']),
		/** The contribution last sent with this token. */
		sent: contributionSchema.optional()
	})
	.superRefine((t, ctx) => {
		if (t.status === 'sent' && !t.sent)
			ctx.addIssue({ code: 'custom', path: ['sent'], message: 'a sent token says what it sent' });
		const s = t.sent;
		if (
			s &&
			(s.campaign !== t.campaign ||
				s.questionnaire !== t.questionnaire ||
				s.cohort.type !== t.cohort.type ||
				s.cohort.band !== t.cohort.band ||
				s.cohort.region !== t.cohort.region)
		)
			ctx.addIssue({
				code: 'custom',
				path: ['sent'],
				message: "what was sent is not of the token's campaign, questionnaire and cohort"
			});
	});
export type HeldToken = z.infer<typeof heldTokenSchema>;

/** One campaign can collect every questionnaire, and a diagnostic can live for several campaigns. */
const MAX_TOKENS = 200;

export const backupSchema = z
	.strictObject({
		format: z.literal(BACKUP_FORMAT, 'not a Numériscope diagnostic file'),
		formatVersion: z.literal(BACKUP_VERSION),
		exportedAt: z.iso.datetime(),
		assessment: z.strictObject({
			id: z.string().regex(/^[\w-]{8,64}$/, 'an id of 8 to 64 letters, digits, - or _'),
			createdAt: z.int().positive(),
			updatedAt: z.int().positive(),
			questionnaires: z.array(z.strictObject({ id: slugSchema, version: z.int().min(1) }))
		}),
		profile: profileSchema,
		answers: z.array(answerEntrySchema).max(10_000),
		tokens: z.array(heldTokenSchema).max(MAX_TOKENS, `at most ${MAX_TOKENS} tokens`)
	})
	.superRefine((b, ctx) => {
		const held = new Set<string>();
		b.tokens.forEach((t, i) => {
			const key = `${t.campaign}/${t.questionnaire}`;
			if (held.has(key))
				ctx.addIssue({
					code: 'custom',
					path: ['tokens', i],
					message: `two tokens for ${t.questionnaire} in campaign ${t.campaign}`
				});
			held.add(key);
		});
		const pinned = new Set(b.assessment.questionnaires.map((q) => q.id));
		const seen = new Set<string>();
		b.answers.forEach((a, i) => {
			const key = `${a.questionnaireId}/${a.questionId}`;
			if (seen.has(key))
				ctx.addIssue({ code: 'custom', path: ['answers', i], message: `two answers to ${key}` });
			seen.add(key);
			if (!pinned.has(a.questionnaireId))
				ctx.addIssue({
					code: 'custom',
					path: ['answers', i, 'questionnaireId'],
					message: `"${a.questionnaireId}" is not a questionnaire of this diagnostic`
				});
		});
	});
export type Backup = z.infer<typeof backupSchema>;

/**
 * Upgraders from each older format version to the next, applied oldest to newest on import.
 * 1 → 2: format 2 adds the participation tokens; a format-1 file holds none.
 */
export type Upgrader = (file: Record<string, unknown>) => Record<string, unknown>;
export const upgraders: Readonly<Record<number, Upgrader>> = {
	1: (file) => ({ ...file, formatVersion: 2, tokens: [] })
};

export type ParseResult =
	{ ok: true; backup: Backup; upgradedFrom?: number } | { ok: false; problems: string[] };

/** Reads a backup file's text: JSON, known format, upgraded to the current version, validated. */
export function parseBackup(
	text: string,
	chain: Readonly<Record<number, Upgrader>> = upgraders,
	current = BACKUP_VERSION
): ParseResult {
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		return {
			ok: false,
			problems: [`the file is not valid JSON (${e instanceof Error ? e.message : String(e)})`]
		};
	}
	if (
		typeof json !== 'object' ||
		json === null ||
		Array.isArray(json) ||
		(json as { format?: unknown }).format !== BACKUP_FORMAT
	)
		return {
			ok: false,
			problems: [
				'this is not a Numériscope diagnostic file (format "numeriscope-diagnostic" expected)'
			]
		};
	let file = json as Record<string, unknown>;
	const from = file['formatVersion'];
	if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
		return { ok: false, problems: ['formatVersion: a whole number from 1 is expected'] };
	if (from > current)
		return {
			ok: false,
			problems: [
				`formatVersion ${from}: this file was made by a newer version of Numériscope (this one reads up to ${current})`
			]
		};
	for (let v = from; v < current; v++) {
		const up = chain[v];
		if (!up)
			return {
				ok: false,
				problems: [`formatVersion ${from}: no upgrade from format ${v} is known`]
			};
		file = up(file);
	}
	const parsed = backupSchema.safeParse(file);
	if (!parsed.success)
		return {
			ok: false,
			problems: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`)
		};
	return { ok: true, backup: parsed.data, ...(from < current ? { upgradedFrom: from } : {}) };
}

/** What a file's answers cannot mean in the questionnaires it names (unknown ids, unfit values). */
export function checkBackupAnswers(
	backup: Backup,
	find: (id: string, version: number) => Questionnaire | undefined
): string[] {
	const problems: string[] = [];
	const versions = new Map(backup.assessment.questionnaires.map((q) => [q.id, q.version]));
	for (const [id, version] of versions)
		if (!find(id, version))
			problems.push(
				`questionnaire "${id}" version ${version} is unknown to this version of Numériscope`
			);
	backup.answers.forEach((a, i) => {
		const q = find(a.questionnaireId, versions.get(a.questionnaireId) ?? 0);
		if (!q) return;
		const question = q.questions.find((x) => x.id === a.questionId);
		if (!question)
			return problems.push(
				`answers.${i}: "${a.questionId}" is not a question of ${a.questionnaireId} v${q.version}`
			);
		const r = a.response;
		const fits =
			r === undefined ||
			r.type === 'dontKnow' ||
			r.type === 'notApplicable' ||
			(question.kind === 'text' ? r.type === 'text' : questionScore(question, r) !== null);
		if (!fits)
			problems.push(
				`answers.${i}: this answer does not fit question "${a.questionId}" (${question.kind})`
			);
	});
	return problems;
}

/** Answers of a backup grouped by questionnaire, as the store keeps them. */
export function backupAnswers(backup: Backup): Record<string, Record<string, Answer>> {
	const out: Record<string, Record<string, Answer>> = {};
	for (const { questionnaireId, questionId, ...answer } of backup.answers)
		(out[questionnaireId] ??= {})[questionId] = answer;
	return out;
}

export function toBackup(
	d: {
		assessment: Backup['assessment'];
		profile: Backup['profile'];
		answers: Record<string, AnswerSet>;
		tokens?: HeldToken[];
	},
	now: Date
): Backup {
	return {
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_VERSION,
		exportedAt: now.toISOString(),
		assessment: d.assessment,
		profile: d.profile,
		answers: Object.entries(d.answers).flatMap(([questionnaireId, set]) =>
			Object.entries(set).flatMap(([questionId, a]) =>
				a ? [{ questionnaireId, questionId, ...a }] : []
			)
		),
		tokens: d.tokens ?? []
	};
}
