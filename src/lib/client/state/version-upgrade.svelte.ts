import type { Questionnaire } from '../../domain/questionnaire.ts';
import type { Diagnostic } from '../storage/repository.ts';
import { applyUpgrade, previewUpgrade, type UpgradePreview } from '../upgrade.ts';

/** What went wrong: the newer version could not be loaded, or the change could not be saved. */
export type UpgradeFailure = { kind: 'load' | 'save'; message: string };

/**
 * Moving one questionnaire of a diagnostic to a newer version: first a preview of what is carried
 * over and what needs review, then the move itself (answers and pinned version in one transaction,
 * see `upgrade.ts`).
 */
export class VersionUpgrade {
	preview: UpgradePreview | null = $state(null);
	failure: UpgradeFailure | null = $state(null);
	busy = $state(false);

	readonly #diagnostic: Diagnostic;
	readonly #questionnaireId: string;
	readonly #latest: number;
	readonly #deps: { previewUpgrade: typeof previewUpgrade; applyUpgrade: typeof applyUpgrade };

	constructor(
		diagnostic: Diagnostic,
		questionnaire: Questionnaire,
		latest: number,
		deps = { previewUpgrade, applyUpgrade }
	) {
		this.#diagnostic = diagnostic;
		this.#questionnaireId = questionnaire.id;
		this.#latest = latest;
		this.#deps = deps;
	}

	async show(): Promise<void> {
		await this.#run('load', async () => {
			this.preview = await this.#deps.previewUpgrade(
				this.#diagnostic,
				this.#questionnaireId,
				this.#latest
			);
		});
	}

	/** `true` once the diagnostic is on the newer version. */
	async apply(): Promise<boolean> {
		const preview = this.preview;
		if (!preview) return false;
		return this.#run('save', () =>
			this.#deps.applyUpgrade(this.#diagnostic, $state.snapshot(preview) as UpgradePreview)
		);
	}

	/** The text of a question of the newer version, for the review list. */
	question(id: string) {
		return this.preview?.target.questions.find((q) => q.id === id)?.text;
	}

	async #run(kind: UpgradeFailure['kind'], work: () => Promise<unknown>): Promise<boolean> {
		this.busy = true;
		try {
			await work();
			this.failure = null;
			return true;
		} catch (e) {
			this.failure = { kind, message: e instanceof Error ? e.message : String(e) };
			return false;
		} finally {
			this.busy = false;
		}
	}
}
