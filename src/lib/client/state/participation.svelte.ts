import type { Contribution } from '../../domain/contribution.ts';
import {
	browserHttp,
	deleteContribution,
	postContribution,
	putContribution,
	type Http
} from '../participation/api.ts';
import { messageOf, ParticipationError } from '../participation/errors.ts';
import {
	campaignsHeld,
	emptyRecord,
	heldToken,
	slotStatus,
	type HeldToken,
	type ParticipationRecord
} from '../participation/record.ts';
import { repository, type Repository } from '../storage/repository.ts';
import { m } from '../../paraglide/messages.js';

type Store = Pick<Repository, 'getParticipation' | 'setParticipation'>;

/**
 * Taking part in campaigns from one diagnostic: the invitation typed once, the tokens it buys
 * (one per questionnaire of the campaign), then sending, replacing and withdrawing with them.
 * Per questionnaire: no invitation → token pending → ready → sent ⇄ withdrawn.
 */
export class ParticipationState {
	record: ParticipationRecord = $state(emptyRecord());
	/** The invitation field. */
	code = $state('');
	/** An invitation is being redeemed, or tokens asked for. */
	issuing = $state(false);
	/** The questionnaire whose contribution is being sent or withdrawn. */
	working: string | null = $state(null);
	/** What went wrong with the invitation (in the page's language). */
	error: string | null = $state(null);
	/** Per questionnaire: what went wrong, or what the officer should know. */
	problems: Record<string, string | undefined> = $state({});
	notices: Record<string, string | undefined> = $state({});
	#id: string;
	#store: Store;
	#http: Http;

	constructor(assessmentId: string, store: Store = repository(), http: Http = browserHttp) {
		this.#id = assessmentId;
		this.#store = store;
		this.#http = http;
	}

	campaigns = $derived(campaignsHeld(this.record));
	/** Some tokens were asked for and not obtained yet (offline, server down…). */
	pendingCount = $derived(this.record.pending.length);

	async load(): Promise<void> {
		try {
			this.record = await this.#store.getParticipation(this.#id);
		} catch (e) {
			this.error = messageOf(e);
		}
	}

	token(questionnaire: string): HeldToken | undefined {
		return heldToken(this.record, questionnaire);
	}

	status(questionnaire: string) {
		return slotStatus(this.record, questionnaire);
	}

	/** Redeems the invitation typed in the field, then asks for every token. */
	async redeem(): Promise<void> {
		await this.#issue(async (ctx) => {
			const { redeemInvitation } = await import('../participation/issue.ts');
			return redeemInvitation(this.code, $state.snapshot(this.record), ctx);
		});
		if (!this.error) this.code = '';
	}

	/** Asks again for the tokens still pending, with the blinded messages already stored. */
	async resume(): Promise<void> {
		await this.#issue(async (ctx) => {
			const { finishPending } = await import('../participation/issue.ts');
			return finishPending($state.snapshot(this.record), ctx);
		});
	}

	/**
	 * Sends (POST with the token) or, once the token has served, replaces or brings back (PUT with
	 * S) the contribution. The contribution's campaign and cohort are the token's.
	 */
	async contribute(questionnaire: string, contribution: Contribution): Promise<void> {
		const t = this.token(questionnaire);
		if (!t) return;
		const c = $state.snapshot(contribution) as Contribution;
		await this.#act(questionnaire, async () => {
			if (t.status === 'ready') {
				try {
					await postContribution(this.#http, $state.snapshot(t.token), c);
				} catch (e) {
					// Sent before, with the answer lost? S proves it: replace instead.
					if (!(e instanceof ParticipationError && e.code === 'token_spent')) throw e;
					if (!(await putContribution(this.#http, t.secret, c))) throw e;
				}
				return this.#update(t, { status: 'sent', sent: c });
			}
			if (await putContribution(this.#http, t.secret, c))
				return this.#update(t, { status: 'sent', sent: c });
			await this.#update(t, { status: 'ready', sent: undefined });
			this.notices[questionnaire] = m.contribute_gone();
		});
	}

	async withdraw(questionnaire: string): Promise<void> {
		const t = this.token(questionnaire);
		if (!t || t.status !== 'sent') return;
		await this.#act(questionnaire, async () => {
			const found = await deleteContribution(this.#http, t.secret);
			await this.#update(t, { status: 'withdrawn' });
			if (!found) this.notices[questionnaire] = m.contribute_nothing_to_withdraw();
		});
	}

	async #save(r: ParticipationRecord) {
		await this.#store.setParticipation(this.#id, r);
		this.record = r;
	}

	async #update(t: HeldToken, patch: Partial<HeldToken>) {
		const r = $state.snapshot(this.record) as ParticipationRecord;
		r.tokens = r.tokens.map((x) => {
			if (x.campaign !== t.campaign || x.questionnaire !== t.questionnaire) return x;
			const next = { ...x, ...patch };
			if (next.sent === undefined) delete next.sent;
			return next;
		});
		await this.#save(r);
	}

	async #issue(
		work: (ctx: {
			http: Http;
			save: (r: ParticipationRecord) => Promise<void>;
		}) => Promise<{ problems: Record<string, string> }>
	) {
		this.issuing = true;
		this.error = null;
		this.problems = {};
		try {
			const { problems } = await work({ http: this.#http, save: (r) => this.#save(r) });
			this.problems = problems;
		} catch (e) {
			this.error = messageOf(e);
		} finally {
			this.issuing = false;
		}
	}

	async #act(questionnaire: string, work: () => Promise<void>) {
		this.working = questionnaire;
		this.problems[questionnaire] = undefined;
		this.notices[questionnaire] = undefined;
		try {
			await work();
		} catch (e) {
			this.problems[questionnaire] = messageOf(e);
		} finally {
			this.working = null;
		}
	}
}
