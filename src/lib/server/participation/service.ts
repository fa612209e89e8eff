import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Catalog } from '../../domain/catalog.ts';
import {
	ContributionError,
	parseContribution,
	type Contribution
} from '../../domain/contribution.ts';
import {
	participationRequestSchema,
	tokenRequestSchema,
	type CampaignsResponse,
	type CohortKeys,
	type Participation
} from '../../domain/participation.ts';
import { formatPath } from '../../domain/problem.ts';
import { ApiError } from '../http/errors.ts';
import { acceptsOn, findCampaign, listCampaigns, type CampaignRecord } from '../store/campaigns.ts';
import {
	findContribution,
	findInvitation,
	findIssuance,
	insertContributionIfOpen,
	insertIssuance,
	replaceScores,
	listPublicKeys,
	withdrawScores,
	type ContributionRow,
	type KeyCell
} from '../store/participation.ts';
import { randomId } from '../store/schema.ts';
import type { BenchmarkStore } from '../store/types.ts';
import { commitmentBodySchema, replaceBodySchema, tokenBodySchema } from './bodies.ts';
import { hashInvitation } from './invitations.ts';
import { KeyRing } from './keyring.ts';
import { BlindSignError, blindSign, verifyToken } from './keys.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

/** base64url text to bytes, or null unless it is the canonical encoding of exactly `size` bytes. */
function decode(text: string, size: number): Uint8Array | null {
	const bytes = Buffer.from(text, 'base64url');
	return bytes.length === size && bytes.toString('base64url') === text
		? new Uint8Array(bytes)
		: null;
}

/** The 400 of a body that does not have the shape of the request, naming the first problems. */
function parseBody<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
	const parsed = schema.safeParse(input);
	if (parsed.success) return parsed.data;
	const issues = parsed.error.issues.slice(0, 3).map((i) => {
		const at = i.path.length ? formatPath(i.path) : 'body';
		return `${at}: ${i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : i.message}`;
	});
	throw new ApiError(400, 'invalid_request', issues.join('; '));
}

const refused = {
	unknownInvitation: () =>
		new ApiError(404, 'unknown_invitation', 'no open invitation has this code'),
	closed: (year: number) =>
		new ApiError(403, 'campaign_closed', `campaign ${year} takes no more participation`),
	invalidToken: (why: string) =>
		new ApiError(403, 'invalid_token', `the token is not valid: ${why}`),
	unknownToken: () =>
		new ApiError(404, 'unknown_token', 'no contribution has this secret (or it was withdrawn)')
};

/**
 * A token (or a stored contribution) speaks for one cell: campaign × questionnaire × cohort.
 * Scores sent for another cell are refused, 403 `token_mismatch` or `cohort_mismatch`.
 */
function sameCell(cell: KeyCell, c: Contribution, whose: string): void {
	if (cell.campaign !== c.campaign || cell.questionnaire !== c.questionnaire)
		throw new ApiError(
			403,
			'token_mismatch',
			`${whose} ${cell.questionnaire} in campaign ${cell.campaign}`
		);
	const { type, band, region } = c.cohort;
	if (cell.type !== type || cell.band !== band || cell.region !== region)
		throw new ApiError(
			403,
			'cohort_mismatch',
			`${whose} the cohort ${cell.type} × ${cell.band} × ${cell.region}`
		);
}

export interface ParticipationOptions {
	store: BenchmarkStore;
	catalog: Catalog;
	/** Contributions without a token, only with a commitment (`OPEN_PARTICIPATION=on`). */
	openParticipation: boolean;
	now?: () => Date;
}

/**
 * Taking part in a campaign: what an invitation gives, blind signatures, and contributions
 * authorised by a token (or a secret, to replace or withdraw). Never logs an invitation, a
 * blinded message, a signature or a secret. Writes are single inserts or updates: no figure
 * is recomputed (editions are).
 */
export class ParticipationService {
	readonly keys: KeyRing;
	readonly openParticipation: boolean;
	readonly #store: BenchmarkStore;
	readonly #catalog: Catalog;
	readonly #now: () => Date;
	/** What each campaign collects, which never changes once it exists (its status does). */
	readonly #collects = new Map<number, CampaignRecord['collects']>();

	constructor(o: ParticipationOptions) {
		this.#store = o.store;
		this.#catalog = o.catalog;
		this.openParticipation = o.openParticipation;
		this.#now = o.now ?? (() => new Date());
		this.keys = new KeyRing(o.store.db);
	}

	get #db() {
		return this.#store.db;
	}

	/** The campaign of a year if it accepts participation today; else 403 `campaign_closed`. */
	async #openCampaign(year: number): Promise<CampaignRecord> {
		const c = await findCampaign(this.#db, year);
		if (!c || !acceptsOn(c, this.#now().toISOString().slice(0, 10))) throw refused.closed(year);
		return c;
	}

	async #invitation(code: string) {
		const invitation = await findInvitation(this.#db, hashInvitation(code));
		if (!invitation) throw refused.unknownInvitation();
		return { invitation, campaign: await this.#openCampaign(invitation.campaign) };
	}

	/** `POST /api/participation`: the campaign, the official cohort and a key per questionnaire. */
	async participation(input: unknown): Promise<Participation> {
		const { invitation } = parseBody(participationRequestSchema, input);
		const { invitation: inv, campaign } = await this.#invitation(invitation);
		const cohort = { type: inv.territory_type, band: inv.band, region: inv.region };
		const byQuestionnaire = new Map<string, number[]>();
		for (const c of campaign.collects)
			byQuestionnaire.set(c.questionnaire, [
				...(byQuestionnaire.get(c.questionnaire) ?? []),
				c.version
			]);
		const questionnaires = [];
		for (const [questionnaire, versions] of byQuestionnaire) {
			const { key, spki } = await this.keys.forCell({
				campaign: campaign.year,
				questionnaire,
				...cohort
			});
			questionnaires.push({ questionnaire, versions, key: { id: key.id, spki } });
		}
		return {
			campaign: campaign.year,
			cohort: cohort as Participation['cohort'],
			questionnaires
		};
	}

	/**
	 * `POST /api/tokens`: signs a blinded message, once per invitation × questionnaire. The same
	 * blinded message again gets the stored signature back (a retry after a lost answer); another
	 * one is refused (409), so that an invitation never buys two tokens for a questionnaire.
	 */
	async token(input: unknown): Promise<{ blindSignature: string }> {
		const req = parseBody(tokenRequestSchema, input);
		const { invitation, campaign } = await this.#invitation(req.invitation);
		if (!campaign.collects.some((c) => c.questionnaire === req.questionnaire))
			throw new ApiError(
				400,
				'questionnaire_not_collected',
				`campaign ${campaign.year} does not collect questionnaire "${req.questionnaire}"`
			);
		const blinded = decode(req.blindedMessage, 256);
		if (!blinded)
			throw new ApiError(400, 'invalid_request', 'blindedMessage: not the base64url of 256 bytes');
		const blindedHash = sha256(blinded).toString('hex');
		const conflict = () =>
			new ApiError(
				409,
				'token_already_issued',
				`this invitation already obtained its token for "${req.questionnaire}"`
			);
		const existing = await findIssuance(this.#db, invitation.code_hash, req.questionnaire);
		if (existing) {
			if (existing.blinded_hash !== blindedHash) throw conflict();
			return { blindSignature: existing.blind_signature };
		}
		const { key } = await this.keys.forCell({
			campaign: campaign.year,
			questionnaire: req.questionnaire,
			type: invitation.territory_type,
			band: invitation.band,
			region: invitation.region
		});
		let signature: Uint8Array;
		try {
			signature = blindSign(key, blinded);
		} catch (e) {
			if (!(e instanceof BlindSignError)) throw e;
			throw new ApiError(400, 'invalid_blinded_message', `blindedMessage: ${e.message}`);
		}
		const stored = await this.#store.write((tx) =>
			insertIssuance(tx, {
				code_hash: invitation.code_hash,
				questionnaire: req.questionnaire,
				blinded_hash: blindedHash,
				blind_signature: Buffer.from(signature).toString('base64url')
			})
		);
		if (stored.blinded_hash !== blindedHash) throw conflict();
		return { blindSignature: stored.blind_signature };
	}

	#contribution(input: unknown): Contribution {
		try {
			return parseContribution(input, this.#catalog, this.#now());
		} catch (e) {
			if (e instanceof ContributionError)
				throw new ContributionError(e.code, `contribution: ${e.message}`);
			throw e;
		}
	}

	/** The campaign still open and collecting this version; else 403 or 400. */
	async #collecting(c: Contribution): Promise<void> {
		const campaign = await this.#openCampaign(c.campaign);
		this.#collects.set(campaign.year, campaign.collects);
		this.#mustCollect(c);
	}

	/** 400 `version_not_collected` unless the campaign, known to exist, collects this version. */
	#mustCollect(c: Contribution): void {
		const collects = this.#collects.get(c.campaign)!;
		if (!collects.some((x) => x.questionnaire === c.questionnaire && x.version === c.version))
			throw new ApiError(
				400,
				'version_not_collected',
				`campaign ${c.campaign} does not collect ${c.questionnaire} v${c.version}`
			);
	}

	/** `POST /api/contributions`: a contribution with its token (or, if allowed, a commitment). */
	async contribute(input: unknown): Promise<void> {
		if (input === null || typeof input !== 'object' || Array.isArray(input))
			throw new ApiError(
				400,
				'invalid_request',
				'body: expected an object { token, contribution }'
			);
		const hasToken = Object.hasOwn(input, 'token');
		if (!hasToken && !(this.openParticipation && Object.hasOwn(input, 'commitment')))
			throw new ApiError(
				401,
				'token_required',
				'a contribution needs the participation token obtained with an invitation',
				{ 'www-authenticate': 'Bearer' }
			);
		const body = hasToken
			? parseBody(tokenBodySchema, input)
			: parseBody(commitmentBodySchema, input);
		const contribution = this.#contribution(body.contribution);
		let tokenHash: string;
		let source: ContributionRow['source'];
		if ('token' in body) {
			const message = decode(body.token.message, 64);
			const signature = decode(body.token.signature, 256);
			if (!message || !signature) throw refused.invalidToken('malformed message or signature');
			const entry = await this.keys.byId(body.token.key);
			if (!entry) throw refused.invalidToken('unknown key');
			if (!verifyToken(entry.key, message, signature))
				throw refused.invalidToken('the signature does not verify');
			sameCell(entry.cell, contribution, 'this token is for');
			tokenHash = sha256(message.subarray(32)).toString('hex');
			source = 'invited';
		} else {
			const commitment = decode(body.commitment, 32);
			if (!commitment)
				throw new ApiError(400, 'invalid_request', 'commitment: not the base64url of 32 bytes');
			tokenHash = sha256(commitment).toString('hex');
			source = 'open';
		}
		// The campaign's state is checked by the insert itself (one statement, no read before):
		// only a refusal costs a second look, to say why.
		if (this.#collects.has(contribution.campaign)) this.#mustCollect(contribution);
		else await this.#collecting(contribution);
		const day = this.#now().toISOString().slice(0, 10);
		// One statement: on PostgreSQL no transaction around it (one round trip, not three).
		const stored = await this.#store.writeStatement((db) =>
			insertContributionIfOpen(
				db,
				{
					id: randomId(),
					token_hash: tokenHash,
					campaign: contribution.campaign,
					questionnaire: contribution.questionnaire,
					version: contribution.version,
					territory_type: contribution.cohort.type,
					band: contribution.cohort.band,
					region: contribution.cohort.region,
					scores: JSON.stringify(contribution.scores),
					synthetic: 0,
					source
				},
				day
			)
		);
		if (!stored) {
			await this.#openCampaign(contribution.campaign); // 403 `campaign_closed` if it is
			throw new ApiError(
				409,
				'token_spent',
				'this token has been used: replace (PUT) or withdraw (DELETE) instead'
			);
		}
	}

	/** The row of a secret S: token_hash = SHA-256(SHA-256(S)), S being 32 bytes. */
	async #row(secret: string): Promise<ContributionRow> {
		const s = decode(secret, 32);
		const row = s && (await findContribution(this.#db, sha256(sha256(s)).toString('hex')));
		if (!row) throw refused.unknownToken();
		return row;
	}

	/** `PUT /api/contributions`: new scores for the same cell; also brings a withdrawn one back. */
	async replace(secret: string, input: unknown): Promise<void> {
		const body = parseBody(replaceBodySchema, input);
		const contribution = this.#contribution(body.contribution);
		const row = await this.#row(secret);
		sameCell(
			{
				campaign: row.campaign,
				questionnaire: row.questionnaire,
				type: row.territory_type,
				band: row.band,
				region: row.region
			},
			contribution,
			'this contribution is for'
		);
		await this.#collecting(contribution);
		if (
			!(await this.#store.write((tx) =>
				replaceScores(
					tx,
					row.token_hash!,
					contribution.version,
					JSON.stringify(contribution.scores)
				)
			))
		)
			throw refused.unknownToken();
	}

	/** `DELETE /api/contributions`: withdraws the scores; the token stays spent. */
	async withdraw(secret: string): Promise<void> {
		const row = await this.#row(secret);
		if (row.scores === null) throw refused.unknownToken();
		await this.#openCampaign(row.campaign);
		if (!(await this.#store.write((tx) => withdrawScores(tx, row.token_hash!))))
			throw refused.unknownToken();
	}

	/** `GET /api/campaigns`: every campaign, latest first, with its published editions. */
	async campaigns(): Promise<CampaignsResponse> {
		const [campaigns, editions] = await Promise.all([
			listCampaigns(this.#db),
			this.#db
				.selectFrom('editions')
				.select(['campaign', 'number', 'published_on', 'synthetic'])
				.orderBy('campaign', 'desc')
				.orderBy('number', 'desc')
				.execute()
		]);
		return {
			campaigns: campaigns.map((c) => ({
				year: c.year,
				status:
					c.status === 'open' && acceptsOn(c, this.#now().toISOString().slice(0, 10))
						? 'open'
						: 'closed',
				collects: c.collects,
				closes: c.closes,
				synthetic: c.synthetic,
				editions: editions
					.filter((e) => e.campaign === c.year)
					.map((e) => ({
						campaign: e.campaign,
						number: e.number,
						publishedAt: e.published_on,
						synthetic: e.synthetic === 1
					}))
			})),
			openParticipation: this.openParticipation
		};
	}

	/** `GET /api/campaigns/<year>/keys`: the public keys of one cohort of a campaign. */
	async cohortKeys(year: number, cohort: CohortKeys['cohort']): Promise<CohortKeys> {
		const rows = await listPublicKeys(this.#db, year, cohort);
		return {
			campaign: year,
			cohort,
			keys: rows.map((r) => ({
				questionnaire: r.questionnaire,
				key: { id: r.id, spki: r.spki }
			}))
		};
	}
}
