import { repository, type DiagnosticSummary, type Repository } from '../storage/repository.ts';

/** The officer's diagnostics, as listed on the home page. */
export class DiagnosticsList {
	items: DiagnosticSummary[] | null = $state(null);
	error: string | null = $state(null);

	#repo: Repository;

	constructor(repo: Repository = repository()) {
		this.#repo = repo;
	}

	async load(): Promise<void> {
		try {
			this.items = await this.#repo.list();
			this.error = null;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			this.items = [];
		}
	}

	async duplicate(id: string): Promise<string | undefined> {
		return this.#act(() => this.#repo.duplicate(id));
	}

	async remove(id: string): Promise<void> {
		await this.#act(() => this.#repo.remove(id));
	}

	async #act<T>(work: () => Promise<T>): Promise<T | undefined> {
		try {
			const result = await work();
			await this.load();
			return result;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			return undefined;
		}
	}
}
