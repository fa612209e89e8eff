import type { CarriedItem } from '../../domain/year.ts';
import { repository, type Diagnostic, type Repository } from '../storage/repository.ts';

/**
 * The review of what a diagnostic carried over from the one it was started from: the answers
 * that had a plan (« prévu ») or a comment, and whether the officer marked the review done.
 */
export class CarriedReview {
	readonly items: readonly CarriedItem[];
	/** The year of the diagnostic it was started from. */
	readonly fromCreatedAt: number | undefined;
	reviewedAt: number | undefined = $state();
	error: string | null = $state(null);
	#id: string;
	#repo: Repository;

	constructor(diagnostic: Diagnostic, repo: Repository = repository()) {
		this.#id = diagnostic.assessment.id;
		this.#repo = repo;
		this.items = diagnostic.assessment.carried?.items ?? [];
		this.fromCreatedAt = diagnostic.assessment.basedOn?.createdAt;
		this.reviewedAt = diagnostic.assessment.carried?.reviewedAt;
	}

	/** Records the review as done; on failure nothing changes and `error` says why. */
	async markDone(now = Date.now()): Promise<void> {
		try {
			await this.#repo.markCarriedReviewed(this.#id, now);
			this.reviewedAt = now;
			this.error = null;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}
}
