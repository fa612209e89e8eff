import {
	cohortKeysSchema,
	invitationCodeSchema,
	participationSchema,
	tokenResponseSchema,
	type Participation
} from '../../domain/participation.ts';
import { request, type Http } from './api.ts';
import { blind, finalize } from './blind.ts';
import { failure, messageOf, ParticipationError } from './errors.ts';
import type { ParticipationRecord, PendingToken } from './record.ts';

/**
 * Redeeming an invitation (loaded on demand, with zod and blindrsa-ts): the campaign and official
 * cohort, then one token per questionnaire of the campaign, each in its own request. Every state
 * is saved before the request it prepares, so that a lost answer is retried with the same blinded
 * message (the server signs it again) instead of a new one (which it refuses).
 */

export interface IssueContext {
	http: Http;
	/** Saves the record; it must be durable before the next request goes out. */
	save(r: ParticipationRecord): Promise<void>;
}

/** Per questionnaire id, why its token could not be obtained (French). */
export type IssueProblems = Record<string, string>;

export async function redeemInvitation(
	code: string,
	record: ParticipationRecord,
	ctx: IssueContext
): Promise<{ record: ParticipationRecord; problems: IssueProblems }> {
	const parsed = invitationCodeSchema.safeParse(code);
	if (!parsed.success) throw failure('invalid_invitation');
	const invitation = parsed.data;
	const res = await request(ctx.http, 'POST', '/api/participation', { invitation });
	const participation = participationSchema.safeParse(await res.json().catch(() => null));
	if (!participation.success) throw failure('bad_response');
	await checkKeys(participation.data, ctx.http);
	const p = participation.data;
	const next: ParticipationRecord = structuredClone(record);
	// A token still pending from another invitation cannot be asked for with this one.
	next.pending = next.pending.filter((x) =>
		p.questionnaires.some((q) => x.campaign === p.campaign && x.key.id === q.key.id)
	);
	for (const q of p.questionnaires) {
		const held = (t: { campaign: number; questionnaire: string }) =>
			t.campaign === p.campaign && t.questionnaire === q.questionnaire;
		if (next.tokens.some(held) || next.pending.some(held)) continue;
		next.pending.push({
			campaign: p.campaign,
			cohort: p.cohort,
			questionnaire: q.questionnaire,
			versions: q.versions,
			key: q.key,
			...(await blind(q.key.spki))
		});
	}
	next.invitation = invitation;
	await ctx.save(next);
	return finishPending(next, ctx);
}

/**
 * The key the invitation gave for each questionnaire must be the one the server publishes for the
 * whole cohort (`GET /api/campaigns/<year>/keys`, a separate request that names no invitation):
 * a server that gave this territory a key of its own, to recognise its contribution later, is
 * caught here, before any token is asked for. If the list cannot be read, nothing is asked either.
 */
async function checkKeys(p: Participation, http: Http): Promise<void> {
	const query = new URLSearchParams({ ...p.cohort });
	const res = await request(http, 'GET', `/api/campaigns/${p.campaign}/keys?${query}`);
	const list = cohortKeysSchema.safeParse(await res.json().catch(() => null));
	if (!list.success) throw failure('bad_response');
	for (const q of p.questionnaires) {
		const published = list.data.keys.find((k) => k.questionnaire === q.questionnaire);
		if (!published || published.key.id !== q.key.id || published.key.spki !== q.key.spki)
			throw failure('key_mismatch');
	}
}

/** Asks for every pending token, one request each, with the stored blinded message. */
export async function finishPending(
	record: ParticipationRecord,
	ctx: IssueContext
): Promise<{ record: ParticipationRecord; problems: IssueProblems }> {
	let next = structuredClone(record);
	const problems: IssueProblems = {};
	const invitation = next.invitation;
	if (!invitation) return { record: next, problems };
	for (const pending of [...next.pending]) {
		try {
			const res = await request(ctx.http, 'POST', '/api/tokens', {
				invitation,
				questionnaire: pending.questionnaire,
				blindedMessage: pending.blindedMessage
			});
			const answer = tokenResponseSchema.safeParse(await res.json().catch(() => null));
			if (!answer.success) throw failure('bad_response');
			next = withToken(next, pending, await sign(pending, answer.data.blindSignature));
			await ctx.save(next);
		} catch (e) {
			problems[pending.questionnaire] = messageOf(e);
			const code = e instanceof ParticipationError ? e.code : '';
			// This blinded message can never be signed: forget it (a new invitation starts over).
			if (['token_already_issued', 'campaign_closed', 'unknown_invitation'].includes(code)) {
				next = { ...next, pending: next.pending.filter((p) => p !== pending) };
				await ctx.save(next);
			}
			// Offline or the server down: every other request would fail the same way.
			if (['offline', 'store_unavailable', 'rate_limited', 'unknown_invitation'].includes(code))
				break;
		}
	}
	if (next.pending.length === 0 && next.invitation) {
		delete next.invitation;
		await ctx.save(next);
	}
	return { record: next, problems };
}

async function sign(p: PendingToken, blindSignature: string) {
	try {
		return await finalize(p.key.spki, p, blindSignature);
	} catch {
		throw failure('bad_response'); // not a valid signature of this key on this message
	}
}

function withToken(
	r: ParticipationRecord,
	p: PendingToken,
	t: { message: string; signature: string }
): ParticipationRecord {
	return {
		...r,
		pending: r.pending.filter((x) => x !== p),
		tokens: [
			...r.tokens,
			{
				campaign: p.campaign,
				cohort: p.cohort,
				questionnaire: p.questionnaire,
				versions: p.versions,
				token: { key: p.key.id, ...t },
				secret: p.secret,
				status: 'ready'
			}
		]
	};
}
