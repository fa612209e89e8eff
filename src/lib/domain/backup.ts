import { z } from 'zod';
import { answerSchema, type Answer, type AnswerSet } from './answer.ts';
import { contributionCohortSchema, contributionSchema } from './contribution.ts';
import { campaignYearSchema, participationTokenSchema, secretPattern } from './participation.ts';
import { fieldProblems, type BackupProblem } from './backup-problem.ts';
import { profileSchema } from './profile.ts';
import type { Questionnaire } from './questionnaire.ts';
import { questionScore } from './scoring.ts';
import { slugSchema } from './text.ts';
import { assessmentIdSchema, basedOnSchema, carriedSchema } from './year-schema.ts';

export type { BackupProblem, FieldIssue } from './backup-problem.ts';

export const BACKUP_FORMAT = 'numeriscope-diagnostic';
/** The format this version of the app writes. Older files are upgraded by `upgraders`. */
export const BACKUP_VERSION = 3;

/**
 * Bounds of an imported file, checked before anything is stored or requested: its size (checked
 * before it is read), the length of names and codes, the number of questionnaires it pins (each
 * one is fetched from the server).
 */
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;
export const MAX_NAME_LENGTH = 200;
export const MAX_CODE_LENGTH = 20;
export const MAX_ID_LENGTH = 100;
export const MAX_PINNED = 50;

const idSchema = slugSchema.max(MAX_ID_LENGTH);

const answerEntrySchema = answerSchema.extend({
	questionnaireId: idSchema,
	questionId: idSchema
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
		questionnaire: idSchema,
		/** The versions of the questionnaire the campaign collects. */
		versions: z.array(z.int().min(1)).min(1).max(50),
		token: participationTokenSchema,
		secret: z.string().regex(secretPattern),
		/** ready: never used; sent: a contribution is live; withdrawn: it was withdrawn. */
		status: z.enum(['ready', 'sent', 'withdrawn']),
		/** The contribution last sent with this token. */
		sent: contributionSchema.optional()
	})
	.superRefine((t, ctx) => {
		if (t.status === 'sent' && !t.sent)
			ctx.addIssue({ code: 'custom', path: ['sent'], params: { kind: 'sent_missing' } });
		const s = t.sent;
		if (
			s &&
			(s.campaign !== t.campaign ||
				s.questionnaire !== t.questionnaire ||
				s.cohort.type !== t.cohort.type ||
				s.cohort.band !== t.cohort.band ||
				s.cohort.region !== t.cohort.region)
		)
			ctx.addIssue({ code: 'custom', path: ['sent'], params: { kind: 'sent_mismatch' } });
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
			id: assessmentIdSchema,
			createdAt: z.int().positive(),
			updatedAt: z.int().positive(),
			questionnaires: z
				.array(z.strictObject({ id: idSchema, version: z.int().min(1) }))
				.max(MAX_PINNED),
			/** Format 3: the diagnostic it was started from, and what was carried over for review. */
			basedOn: basedOnSchema.optional(),
			carried: carriedSchema.optional()
		}),
		profile: profileSchema.extend({
			name: profileSchema.shape.name.max(MAX_NAME_LENGTH),
			code: profileSchema.shape.code.unwrap().max(MAX_CODE_LENGTH).optional()
		}),
		answers: z.array(answerEntrySchema).max(10_000),
		tokens: z.array(heldTokenSchema).max(MAX_TOKENS)
	})
	.superRefine((b, ctx) => {
		const held = new Set<string>();
		b.tokens.forEach((t, i) => {
			const key = `${t.campaign}/${t.questionnaire}`;
			if (held.has(key))
				ctx.addIssue({
					code: 'custom',
					path: ['tokens', i],
					params: { kind: 'duplicate_token', questionnaire: t.questionnaire, campaign: t.campaign }
				});
			held.add(key);
		});
		const pinned = new Set<string>();
		b.assessment.questionnaires.forEach((q, i) => {
			if (pinned.has(q.id))
				ctx.addIssue({
					code: 'custom',
					path: ['assessment', 'questionnaires', i, 'id'],
					params: { kind: 'duplicate_questionnaire', questionnaire: q.id }
				});
			pinned.add(q.id);
		});
		const seen = new Set<string>();
		b.answers.forEach((a, i) => {
			const key = `${a.questionnaireId}/${a.questionId}`;
			if (seen.has(key))
				ctx.addIssue({
					code: 'custom',
					path: ['answers', i],
					params: { kind: 'duplicate_answer', answer: key }
				});
			seen.add(key);
			if (!pinned.has(a.questionnaireId))
				ctx.addIssue({
					code: 'custom',
					path: ['answers', i, 'questionnaireId'],
					params: { kind: 'not_pinned', questionnaire: a.questionnaireId }
				});
		});
	});
export type Backup = z.infer<typeof backupSchema>;

/**
 * Upgraders from each older format version to the next, applied oldest to newest on import.
 * 1 → 2: format 2 adds the participation tokens; a format-1 file holds none.
 * 2 → 3: format 3 may say which diagnostic this one was started from (`assessment.basedOn`) and
 * what was carried over for review (`assessment.carried`); a format-2 file was started from none.
 */
export type Upgrader = (file: Record<string, unknown>) => Record<string, unknown>;
export const upgraders: Readonly<Record<number, Upgrader>> = {
	1: (file) => ({ ...file, formatVersion: 2, tokens: [] }),
	2: (file) => ({ ...file, formatVersion: 3 })
};

export type ParseResult =
	{ ok: true; backup: Backup; upgradedFrom?: number } | { ok: false; problems: BackupProblem[] };

/** A file over `MAX_BACKUP_BYTES` is refused by its size, before it is read. */
export function sizeProblem(size: number, max = MAX_BACKUP_BYTES): BackupProblem | null {
	return size > max ? { code: 'too_large', size, max } : null;
}

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
			problems: [{ code: 'not_json', detail: e instanceof Error ? e.message : String(e) }]
		};
	}
	if (
		typeof json !== 'object' ||
		json === null ||
		Array.isArray(json) ||
		(json as { format?: unknown }).format !== BACKUP_FORMAT
	)
		return { ok: false, problems: [{ code: 'not_backup' }] };
	let file = json as Record<string, unknown>;
	const from = file['formatVersion'];
	if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
		return { ok: false, problems: [{ code: 'format_version' }] };
	if (from > current)
		return { ok: false, problems: [{ code: 'newer_format', version: from, current }] };
	for (let v = from; v < current; v++) {
		const up = chain[v];
		if (!up) return { ok: false, problems: [{ code: 'no_upgrade', version: v, from }] };
		file = up(file);
	}
	const parsed = backupSchema.safeParse(file);
	if (!parsed.success) return { ok: false, problems: fieldProblems(parsed.error, file) };
	return { ok: true, backup: parsed.data, ...(from < current ? { upgradedFrom: from } : {}) };
}

/** What a file's answers cannot mean in the questionnaires it names (unknown ids, unfit values). */
export function checkBackupAnswers(
	backup: Backup,
	find: (id: string, version: number) => Questionnaire | undefined
): BackupProblem[] {
	const problems: BackupProblem[] = [];
	const versions = new Map(backup.assessment.questionnaires.map((q) => [q.id, q.version]));
	for (const [id, version] of versions)
		if (!find(id, version))
			problems.push({ code: 'unknown_questionnaire', questionnaire: id, version });
	backup.answers.forEach((a, i) => {
		const q = find(a.questionnaireId, versions.get(a.questionnaireId) ?? 0);
		if (!q) return;
		const question = q.questions.find((x) => x.id === a.questionId);
		if (!question)
			return problems.push({
				code: 'unknown_question',
				path: `answers.${i}`,
				question: a.questionId,
				questionnaire: a.questionnaireId,
				version: q.version
			});
		const r = a.response;
		const fits =
			r === undefined ||
			r.type === 'dontKnow' ||
			r.type === 'notApplicable' ||
			(question.kind === 'text' ? r.type === 'text' : questionScore(question, r) !== null);
		if (!fits)
			problems.push({
				code: 'answer_unfit',
				path: `answers.${i}`,
				question: a.questionId,
				kind: question.kind
			});
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
