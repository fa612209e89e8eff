import type { TerritoryHit, TerritorySearchResponse } from '../../domain/territory.ts';
import { searchTerritories } from '../territories.ts';

/** What the search says under the field: nothing yet, how many hits, or that it cannot search. */
export type SearchStatus =
	{ kind: 'idle' } | { kind: 'found'; count: number } | { kind: 'unavailable' };

type Search = (q: string, signal: AbortSignal) => Promise<TerritorySearchResponse>;

/**
 * The territory search of the profile form: searches once typing pauses, cancels the request a
 * newer query makes stale, and says when the search is unavailable (offline: the profile is then
 * typed by hand).
 */
export class TerritorySearch {
	query = $state('');
	results: TerritoryHit[] = $state([]);
	status: SearchStatus = $state({ kind: 'idle' });

	#search: Search;
	#delay: number;
	#controller: AbortController | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(search: Search = searchTerritories, delay = 200) {
		this.#search = search;
		this.#delay = delay;
	}

	/** Called at each keystroke. */
	input(): void {
		clearTimeout(this.#timer);
		// #run catches every error: nothing to handle here.
		this.#timer = setTimeout(() => void this.#run(), this.#delay);
	}

	/** Searches `query` now; resolves when its results (or its failure) are shown. */
	async #run(): Promise<void> {
		this.#controller?.abort();
		const query = this.query.trim();
		if (query.length < 2) {
			this.results = [];
			this.status = { kind: 'idle' };
			return;
		}
		const controller = (this.#controller = new AbortController());
		try {
			const { results } = await this.#search(query, controller.signal);
			if (controller.signal.aborted) return;
			this.results = results;
			this.status = { kind: 'found', count: results.length };
		} catch (e) {
			if (controller.signal.aborted || (e as Error).name === 'AbortError') return;
			this.status = { kind: 'unavailable' };
		}
	}

	/** Searches at once (tests, or a submit of the field). */
	flush(): Promise<void> {
		clearTimeout(this.#timer);
		return this.#run();
	}

	destroy(): void {
		clearTimeout(this.#timer);
		this.#controller?.abort();
	}
}
