import { completion, type Completion } from '../../domain/completion.ts';
import type { Questionnaire } from '../../domain/questionnaire.ts';
import { loadQuestionnaire } from '../catalog.ts';
import { browserHttp, deleteContribution, type Http } from '../participation/api.ts';
import { messageOf, ParticipationError } from '../participation/errors.ts';
import { repository, type DiagnosticSummary, type Repository } from '../storage/repository.ts';
import { m } from '../../paraglide/messages.js';

/** A diagnostic of the list, with how far each of its questionnaires is answered. */
export interface ListedDiagnostic extends DiagnosticSummary {
	/** By questionnaire id; absent when its questionnaire cannot be loaded (offline, first visit). */
	completion: Record<string, Completion>;
}

/** What deleting a diagnostic takes with it. */
export interface Removal {
	/** Contributions sent with its tokens: withdrawn from the server before it is deleted. */
	live: number;
	/** Tokens not used yet (or still being asked for): lost with it. */
	unused: number;
}

type LoadQuestionnaire = (id: string, version: number) => Promise<Questionnaire>;

/**
 * The officer's diagnostics, as listed on the home page: list, start next year's from one, delete. Deleting a
 * diagnostic that has sent contributions first withdraws them (they could never be withdrawn
 * once its tokens are gone); if that fails, nothing is deleted.
 */
export class DiagnosticsList {
	items: ListedDiagnostic[] | null = $state(null);
	error: string | null = $state(null);

	#repo: Repository;
	#http: Http;
	#load: LoadQuestionnaire;

	constructor(
		repo: Repository = repository(),
		http: Http = browserHttp,
		load: LoadQuestionnaire = loadQuestionnaire
	) {
		this.#repo = repo;
		this.#http = http;
		this.#load = load;
	}

	async load(): Promise<void> {
		try {
			const list = await this.#repo.list();
			this.items = await Promise.all(list.map((d) => this.#withCompletion(d)));
			this.error = null;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			this.items = [];
		}
	}

	/**
	 * Starts next year's diagnostic from this one (answers kept, plans and comments listed for
	 * review, see `startFrom`); its id, or undefined when it could not be stored (`error` says why).
	 */
	async startFrom(id: string): Promise<string | undefined> {
		return this.#act(() => this.#repo.startFrom(id));
	}

	/** What `remove` would withdraw and lose, for the confirmation. */
	async removal(id: string): Promise<Removal> {
		const r = await this.#repo.getParticipation(id);
		return {
			live: r.tokens.filter((t) => t.status === 'sent').length,
			unused: r.tokens.filter((t) => t.status === 'ready').length + r.pending.length
		};
	}

	/** Withdraws the diagnostic's live contributions, then deletes it. `false`: nothing deleted. */
	async remove(id: string): Promise<boolean> {
		try {
			await this.#withdrawAll(id);
		} catch (e) {
			this.error = m.diagnostics_withdraw_failed({ reason: messageOf(e) });
			return false;
		}
		try {
			await this.#repo.remove(id);
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			return false;
		}
		await this.load();
		return true;
	}

	async #withdrawAll(id: string): Promise<void> {
		let record = await this.#repo.getParticipation(id);
		for (const t of record.tokens.filter((x) => x.status === 'sent')) {
			try {
				// 404: already withdrawn elsewhere (e.g. from an exported copy).
				await deleteContribution(this.#http, t.secret);
			} catch (e) {
				// A closed campaign keeps its contributions: there is nothing left to withdraw.
				if (!(e instanceof ParticipationError && e.code === 'campaign_closed')) throw e;
			}
			// Recorded one by one: a retry after a failure does not ask again.
			record = {
				...record,
				tokens: record.tokens.map((x) => (x === t ? { ...x, status: 'withdrawn' as const } : x))
			};
			await this.#repo.setParticipation(id, record);
		}
	}

	async #withCompletion(d: DiagnosticSummary): Promise<ListedDiagnostic> {
		const out: ListedDiagnostic = { ...d, completion: {} };
		await Promise.all(
			d.assessment.questionnaires.map(async ({ id, version }) => {
				const q = await this.#load(id, version).catch(() => undefined);
				if (q) out.completion[id] = completion(q, d.profile, d.answers[id] ?? {});
			})
		);
		return out;
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
