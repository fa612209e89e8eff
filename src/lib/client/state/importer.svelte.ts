import type { Answer } from '../../domain/answer.ts';
import type { Backup, BackupProblem } from '../../domain/backup.ts';
import { localize, type Locale } from '../../domain/localize.ts';
import { applyMerge, conflictKey, planMerge, type MergePlan } from '../../domain/merge.ts';
import type { Questionnaire } from '../../domain/questionnaire.ts';
import { getLocale } from '../../paraglide/runtime.js';
import { loadQuestionnaire } from '../catalog.ts';
import {
	repository,
	type Diagnostic,
	type DiagnosticSummary,
	type Repository
} from '../storage/repository.ts';

/** `new` stores the file's diagnostic as it is (replacing one with the same id, e.g. a restore). */
export type Target = { kind: 'new' } | { kind: 'merge'; id: string };

/**
 * Importing a diagnostic file: read and check it (nothing is stored until `apply`), choose where
 * it goes (a new diagnostic, the same one replaced, or merged into another), preview, resolve
 * conflicts question by question, apply in one transaction.
 */
export class Importer {
	fileName = $state('');
	/** Why the file is refused, as codes (`importProblemText` words them); nothing is stored. */
	problems: BackupProblem[] = $state([]);
	backup: Backup | null = $state(null);
	incoming: Record<string, Record<string, Answer>> = $state({});
	questionnaires: Questionnaire[] = $state([]);
	existing: DiagnosticSummary[] = $state([]);
	target: Target = $state({ kind: 'new' });
	current: Diagnostic | null = $state(null);
	choices: Record<string, 'mine' | 'theirs'> = $state({});
	#repo: Repository;

	constructor(repo: Repository = repository()) {
		this.#repo = repo;
	}

	plan: MergePlan | null = $derived.by(() =>
		this.current ? planMerge(this.current.answers, this.incoming) : null
	);

	async read(file: File): Promise<void> {
		this.fileName = file.name;
		this.backup = null;
		this.problems = [];
		const { parseBackup, checkBackupAnswers, backupAnswers, sizeProblem } =
			await import('../../domain/backup.ts');
		// A file too large is refused by its size, before it is read into memory.
		const tooLarge = sizeProblem(file.size);
		if (tooLarge) return void (this.problems = [tooLarge]);
		const parsed = parseBackup(await file.text());
		if (!parsed.ok) return void (this.problems = parsed.problems);
		const loaded = await Promise.all(
			parsed.backup.assessment.questionnaires.map((q) =>
				loadQuestionnaire(q.id, q.version).catch(() => undefined)
			)
		);
		const found = loaded.filter((q): q is Questionnaire => q !== undefined);
		const problems = checkBackupAnswers(parsed.backup, (id, v) =>
			found.find((q) => q.id === id && q.version === v)
		);
		if (problems.length > 0) return void (this.problems = problems);
		this.backup = parsed.backup;
		this.questionnaires = found;
		this.incoming = backupAnswers(parsed.backup);
		this.existing = await this.#repo.list();
		// A colleague's file for the same territory is merged by default; a restore replaces.
		const same = this.existing.some((e) => e.assessment.id === parsed.backup.assessment.id);
		const sameTerritory = this.existing.find(
			(e) => e.profile.code && e.profile.code === parsed.backup.profile.code
		);
		await this.choose(
			!same && sameTerritory ? { kind: 'merge', id: sameTerritory.assessment.id } : { kind: 'new' }
		);
	}

	async choose(target: Target): Promise<void> {
		this.target = target;
		this.choices = {};
		this.current = target.kind === 'new' ? null : ((await this.#repo.get(target.id)) ?? null);
	}

	/** A different version of a questionnaire on each side cannot be merged answer by answer. */
	versionClash = $derived.by(() => {
		if (this.target.kind !== 'merge' || !this.current || !this.backup) return [];
		return this.backup.assessment.questionnaires.filter((q) =>
			this.current!.assessment.questionnaires.some((m) => m.id === q.id && m.version !== q.version)
		);
	});

	/** Stores the import; returns the id of the diagnostic it went into. */
	async apply(): Promise<string> {
		// Plain copies: IndexedDB cannot store the proxies of reactive state.
		const b = $state.snapshot(this.backup!);
		const incoming = $state.snapshot(this.incoming);
		const current = $state.snapshot(this.current);
		const choices = $state.snapshot(this.choices);
		if (this.target.kind === 'merge' && current) {
			const merged = applyMerge(current.answers, planMerge(current.answers, incoming), choices);
			const id = this.target.id;
			const pinned = [...current.assessment.questionnaires];
			for (const q of b.assessment.questionnaires)
				if (!pinned.some((p) => p.id === q.id)) pinned.push(q);
			await this.#repo.changeAnswers(id, {
				answers: merged,
				questionnaires: pinned,
				tokens: b.tokens
			});
			return id;
		}
		const profileId = `${b.assessment.id}-profil`;
		// The file's tokens join those held here (a restore over the same diagnostic keeps both).
		await this.#repo.put(
			{
				assessment: { ...b.assessment, profileId },
				profile: { ...b.profile, id: profileId, updatedAt: Date.now() },
				answers: incoming
			},
			undefined,
			b.tokens
		);
		return b.assessment.id;
	}

	/** A question's text in the page's language, and the language it is in (French when untranslated). */
	questionText(questionnaireId: string, questionId: string): { text: string; lang: Locale } {
		const q = this.questionnaires.find((x) => x.id === questionnaireId);
		const question = q?.questions.find((x) => x.id === questionId);
		if (!question) return { text: questionId, lang: getLocale() };
		const locale = getLocale();
		return {
			text: localize(question.text, locale),
			lang: locale === 'en' && question.text.en ? 'en' : 'fr'
		};
	}
}

export { conflictKey };
