import type { Answer, AnswerSet } from '../../domain/answer.ts';
import type { Profile } from '../../domain/profile.ts';
import { carriedItems } from '../../domain/year.ts';
import { newId } from '../id.ts';
import {
	emptyRecord,
	mergeTokens,
	type HeldToken,
	type ParticipationRecord
} from '../participation/record.ts';
import { database, type NumeriscopeDB, type PinnedQuestionnaire, type StoredAnswer } from './db.ts';
import { getDiagnostic, groupAnswers, run, saveAnswer, type Diagnostic } from './diagnostic.ts';

// The reads and writes of the answering page live in ./diagnostic.ts (that page loads only them).
export { getDiagnostic, saveAnswer, type Diagnostic };

export interface DiagnosticSummary extends Diagnostic {
	/** The latest change of the diagnostic or of one of its answers. */
	lastChange: number;
}

/*
 * Every read and write of the browser store, one function each (so that a page loads only the
 * ones it uses), each one transaction done at once. `createRepository` binds them to a database.
 */

export function listDiagnostics(db: NumeriscopeDB): Promise<DiagnosticSummary[]> {
	return run('list', async () => {
		const assessments = await db.assessments.orderBy('updatedAt').reverse().toArray();
		return Promise.all(
			assessments.map(async (assessment) => {
				const profile = await db.profiles.get(assessment.profileId);
				const rows = await db.answers.where('assessmentId').equals(assessment.id).toArray();
				const lastChange = rows.reduce((t, a) => Math.max(t, a.updatedAt), assessment.updatedAt);
				return { assessment, profile: profile!, answers: groupAnswers(rows), lastChange };
			})
		);
	});
}

export function createDiagnostic(
	db: NumeriscopeDB,
	profile: Profile,
	questionnaires: PinnedQuestionnaire[],
	now = Date.now()
): Promise<string> {
	return run('create', () =>
		db.transaction('rw', db.assessments, db.profiles, async () => {
			const profileId = newId();
			const id = newId();
			await db.profiles.add({ ...profile, id: profileId, updatedAt: now });
			await db.assessments.add({ id, profileId, questionnaires, createdAt: now, updatedAt: now });
			return id;
		})
	);
}

export function updateProfile(
	db: NumeriscopeDB,
	assessmentId: string,
	profile: Profile,
	now = Date.now()
): Promise<void> {
	return run('save_profile', () =>
		db.transaction('rw', db.assessments, db.profiles, async () => {
			const a = await db.assessments.get(assessmentId);
			if (!a) throw new Error('diagnostic introuvable');
			await db.profiles.put({ ...profile, id: a.profileId, updatedAt: now });
			await db.assessments.update(assessmentId, { updatedAt: now });
		})
	);
}

export async function setQuestionnaires(
	db: NumeriscopeDB,
	assessmentId: string,
	questionnaires: PinnedQuestionnaire[],
	now = Date.now()
): Promise<void> {
	await run('save_questionnaires', () =>
		db.assessments.update(assessmentId, { questionnaires, updatedAt: now })
	);
}

/** A change of a diagnostic's answers that must land whole or not at all. */
export interface AnswersChange {
	/** Answers that replace, questionnaire by questionnaire, the stored ones. */
	answers: Record<string, AnswerSet>;
	/** The questionnaire versions pinned after the change (unchanged when absent). */
	questionnaires?: PinnedQuestionnaire[];
	/**
	 * One questionnaire's new pinned version, the others as stored when the change is written
	 * (a version upgrade: a page holding an older copy of the diagnostic cannot undo another).
	 */
	pin?: PinnedQuestionnaire;
	/** Participation tokens of an imported file, added to those held. */
	tokens?: HeldToken[];
}

/**
 * Replaces the answers of some questionnaires of a diagnostic and, with them, the versions it pins
 * and the tokens it holds, in ONE transaction: a version upgrade or a merged file never leaves
 * answers of one version pinned to another, nor answers without the tokens that came with them.
 */
export function changeAnswers(
	db: NumeriscopeDB,
	assessmentId: string,
	change: AnswersChange,
	now = Date.now()
): Promise<void> {
	return run('save_answers', () =>
		db.transaction('rw', db.answers, db.assessments, db.settings, async () => {
			const stored = await db.assessments.get(assessmentId);
			if (!stored) throw new Error('diagnostic introuvable');
			for (const [questionnaireId, answers] of Object.entries(change.answers)) {
				await db.answers
					.where('[assessmentId+questionnaireId]')
					.equals([assessmentId, questionnaireId])
					.delete();
				await db.answers.bulkPut(toRows(assessmentId, questionnaireId, answers, now));
			}
			const pin = change.pin;
			const questionnaires = pin
				? (change.questionnaires ?? stored.questionnaires).map((q) => (q.id === pin.id ? pin : q))
				: change.questionnaires;
			await db.assessments.update(assessmentId, {
				...(questionnaires ? { questionnaires } : {}),
				updatedAt: now
			});
			if (change.tokens?.length) await addTokens(db, assessmentId, change.tokens);
		})
	);
}

/** Replaces the answers of some questionnaires of a diagnostic in one transaction. */
export function replaceAnswers(
	db: NumeriscopeDB,
	assessmentId: string,
	byQuestionnaire: Record<string, AnswerSet>,
	now = Date.now()
): Promise<void> {
	return changeAnswers(db, assessmentId, { answers: byQuestionnaire }, now);
}

/**
 * A new diagnostic started from an earlier one (next year's, from last year's): its own copy of the
 * profile and the answers, the versions it pins, a link to the earlier one, and the answers
 * carrying a plan or a comment listed for review. One transaction: all of it or nothing.
 */
export function startFrom(db: NumeriscopeDB, id: string, now = Date.now()): Promise<string> {
	return run('duplicate', () =>
		db.transaction('rw', db.assessments, db.profiles, db.answers, async () => {
			const source = await db.assessments.get(id);
			const profile = source && (await db.profiles.get(source.profileId));
			if (!source || !profile) throw new Error('diagnostic introuvable');
			const copyId = newId();
			const profileId = newId();
			const rows = await db.answers.where('assessmentId').equals(id).toArray();
			const items = carriedItems(
				groupAnswers(rows),
				source.questionnaires.map((q) => q.id)
			);
			await db.profiles.add({ ...profile, id: profileId, updatedAt: now });
			await db.assessments.add({
				id: copyId,
				profileId,
				questionnaires: source.questionnaires,
				createdAt: now,
				updatedAt: now,
				basedOn: { id: source.id, createdAt: source.createdAt },
				...(items.length > 0 ? { carried: { items } } : {})
			});
			await db.answers.bulkAdd(rows.map((r) => ({ ...r, assessmentId: copyId })));
			return copyId;
		})
	);
}

/** Records that the officer reviewed what was carried over (kept in the export file). */
export function markCarriedReviewed(
	db: NumeriscopeDB,
	id: string,
	now = Date.now()
): Promise<void> {
	return run('save_review', () =>
		db.transaction('rw', db.assessments, async () => {
			const a = await db.assessments.get(id);
			if (!a?.carried) throw new Error('diagnostic introuvable');
			await db.assessments.update(id, {
				carried: { ...a.carried, reviewedAt: now },
				updatedAt: now
			});
		})
	);
}

/**
 * Deletes a diagnostic with its answers, profile and participation tokens. Its live contributions
 * must have been withdrawn first (`DiagnosticsList.remove`): without the tokens they cannot be.
 */
export function removeDiagnostic(db: NumeriscopeDB, id: string): Promise<void> {
	return run('delete', () =>
		db.transaction('rw', db.assessments, db.profiles, db.answers, db.settings, async () => {
			const a = await db.assessments.get(id);
			if (!a) return;
			await db.answers.where('assessmentId').equals(id).delete();
			await db.profiles.delete(a.profileId);
			await db.settings.delete(participationKey(id));
			await db.assessments.delete(id);
		})
	);
}

/**
 * Stores a whole diagnostic (an import), replacing one with the same id, and adds the file's
 * participation tokens to those held, in one transaction.
 */
export function putDiagnostic(
	db: NumeriscopeDB,
	d: Diagnostic,
	now = Date.now(),
	tokens: HeldToken[] = []
): Promise<void> {
	return run('import', () =>
		db.transaction('rw', db.assessments, db.profiles, db.answers, db.settings, async () => {
			const existing = await db.assessments.get(d.assessment.id);
			if (existing) {
				await db.answers.where('assessmentId').equals(existing.id).delete();
				await db.profiles.delete(existing.profileId);
			}
			await db.profiles.put({ ...d.profile, updatedAt: now });
			await db.assessments.put({ ...d.assessment, updatedAt: now });
			for (const [questionnaireId, answers] of Object.entries(d.answers))
				await db.answers.bulkPut(toRows(d.assessment.id, questionnaireId, answers, now));
			if (tokens.length) await addTokens(db, d.assessment.id, tokens);
		})
	);
}

export async function getSetting<T>(db: NumeriscopeDB, key: string): Promise<T | undefined> {
	return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(db: NumeriscopeDB, key: string, value: unknown): Promise<void> {
	await db.settings.put({ key, value });
}

const participationKey = (assessmentId: string) => `participation:${assessmentId}`;

/** The participation tokens of a diagnostic (see `participation/record.ts`). */
export function getParticipation(
	db: NumeriscopeDB,
	assessmentId: string
): Promise<ParticipationRecord> {
	return run('read_tokens', async () => {
		const row = await db.settings.get(participationKey(assessmentId));
		return (row?.value as ParticipationRecord | undefined) ?? emptyRecord();
	});
}

/** Saves them at once: a blinded message is durable before it is sent. */
export function setParticipation(
	db: NumeriscopeDB,
	assessmentId: string,
	record: ParticipationRecord
): Promise<void> {
	return run('save_tokens', async () => {
		await db.settings.put({ key: participationKey(assessmentId), value: record });
	});
}

/** Adds the tokens of an imported file to a diagnostic's, in one transaction. */
export function importTokens(
	db: NumeriscopeDB,
	assessmentId: string,
	tokens: HeldToken[]
): Promise<void> {
	if (tokens.length === 0) return Promise.resolve();
	return run('import_tokens', () =>
		db.transaction('rw', db.settings, () => addTokens(db, assessmentId, tokens))
	);
}

/** Inside a transaction over `settings`: the tokens join those held (see `mergeTokens`). */
async function addTokens(db: NumeriscopeDB, assessmentId: string, tokens: HeldToken[]) {
	const key = participationKey(assessmentId);
	const row = await db.settings.get(key);
	const current = (row?.value as ParticipationRecord | undefined) ?? emptyRecord();
	await db.settings.put({ key, value: mergeTokens(current, tokens) });
}

/** All the operations bound to one database. */
export function createRepository(db: NumeriscopeDB) {
	return {
		list: () => listDiagnostics(db),
		get: (id: string) => getDiagnostic(db, id),
		create: (profile: Profile, questionnaires: PinnedQuestionnaire[], now?: number) =>
			createDiagnostic(db, profile, questionnaires, now),
		updateProfile: (id: string, profile: Profile, now?: number) =>
			updateProfile(db, id, profile, now),
		setQuestionnaires: (id: string, questionnaires: PinnedQuestionnaire[], now?: number) =>
			setQuestionnaires(db, id, questionnaires, now),
		saveAnswer: (
			id: string,
			questionnaireId: string,
			questionId: string,
			answer: Answer | undefined,
			now?: number
		) => saveAnswer(db, id, questionnaireId, questionId, answer, now),
		replaceAnswers: (id: string, answers: Record<string, AnswerSet>, now?: number) =>
			replaceAnswers(db, id, answers, now),
		changeAnswers: (id: string, change: AnswersChange, now?: number) =>
			changeAnswers(db, id, change, now),
		startFrom: (id: string, now?: number) => startFrom(db, id, now),
		markCarriedReviewed: (id: string, now?: number) => markCarriedReviewed(db, id, now),
		remove: (id: string) => removeDiagnostic(db, id),
		put: (d: Diagnostic, now?: number, tokens?: HeldToken[]) => putDiagnostic(db, d, now, tokens),
		getSetting: <T>(key: string) => getSetting<T>(db, key),
		setSetting: (key: string, value: unknown) => setSetting(db, key, value),
		getParticipation: (id: string) => getParticipation(db, id),
		setParticipation: (id: string, record: ParticipationRecord) => setParticipation(db, id, record),
		importTokens: (id: string, tokens: HeldToken[]) => importTokens(db, id, tokens)
	};
}

export type Repository = ReturnType<typeof createRepository>;

function toRows(
	assessmentId: string,
	questionnaireId: string,
	answers: AnswerSet,
	now: number
): StoredAnswer[] {
	return Object.entries(answers).flatMap(([questionId, a]) =>
		a ? [{ ...a, assessmentId, questionnaireId, questionId, updatedAt: now }] : []
	);
}

let repo: Repository | undefined;
/** The repository over the page's database. */
export function repository(): Repository {
	return (repo ??= createRepository(database()));
}
