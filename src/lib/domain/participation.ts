import { z } from 'zod';
import { contributionCohortSchema, contributionSchema, FIRST_CAMPAIGN } from './contribution.ts';
import { slugSchema } from './text.ts';

/**
 * The contract of taking part in a campaign, shared by the server and the browser.
 *
 * 1. The operator mails each invited territory an invitation code (`invitationCodeSchema`).
 * 2. The officer types it once; `POST /api/participation` answers the campaign, the territory's
 *    official cohort and, for each questionnaire, the public key that signs its tokens.
 * 3. For each questionnaire the browser draws a secret S, blinds the message SHA-256(S) (RFC 9474,
 *    RSABSSA-SHA384-PSS-Randomized) and `POST /api/tokens` returns a blind signature: the server
 *    sees the invitation but not the message, so it cannot recognise the token later.
 * 4. `POST /api/contributions` carries the unblinded token and the scores, never the invitation.
 *    The cohort, campaign and questionnaire are those of the key: a token of one cell cannot
 *    contribute to another. `PUT`/`DELETE` are authorised by S itself (`Authorization: Bearer S`).
 *
 * One key per campaign × questionnaire × cohort (rather than one partially blind key per campaign
 * with the cell as public metadata): blindrsa-ts cannot finalise a partially blind signature in a
 * browser (WebCrypto refuses its large public exponents), and partially blind keys need safe
 * primes, minutes to generate. The keys of a campaign are listed publicly (`GET /api/campaigns`),
 * so a browser can check that its key is the one every territory of its cohort gets.
 */

/** base64url without padding, of a bounded length. */
const b64u = (what: string, min: number, max: number) =>
	z
		.string()
		.min(min, `${what}: at least ${min} characters`)
		.max(max, `${what}: at most ${max} characters`)
		.regex(/^[A-Za-z0-9_-]+$/, `${what} is base64url (A–Z, a–z, 0–9, - and _)`);

/**
 * Invitation codes: 20 characters of Crockford's base32 (100 random bits), shown in four groups
 * of five: `7KQ2M-X9JDP-4RT8W-CB3NE`. Typing is forgiving: case, spaces and hyphens are ignored,
 * O reads as 0 and I or L as 1.
 */
export const INVITATION_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function normalizeInvitation(code: string): string {
	return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** `7KQ2MX9JDP4RT8WCB3NE` → `7KQ2M-X9JDP-4RT8W-CB3NE`. */
export function formatInvitation(normalized: string): string {
	return normalized.match(/.{1,5}/g)?.join('-') ?? normalized;
}

export const invitationCodeSchema = z
	.string()
	.max(64, 'an invitation code has 20 characters')
	.transform(normalizeInvitation)
	.pipe(
		z
			.string()
			.regex(
				new RegExp(`^[${INVITATION_ALPHABET}]{20}$`),
				'an invitation code has 20 letters and digits, e.g. 7KQ2M-X9JDP-4RT8W-CB3NE'
			)
	);

export const campaignYearSchema = z
	.int('a campaign is a year')
	.min(FIRST_CAMPAIGN, `campaigns start in ${FIRST_CAMPAIGN}`)
	.max(9999, 'a campaign is a year');

/** `donnees@1`: a questionnaire version a campaign collects. */
export const collectedSchema = z.strictObject({
	questionnaire: slugSchema,
	version: z.int().min(1)
});
export type Collected = z.infer<typeof collectedSchema>;

/** A token-signing public key: SubjectPublicKeyInfo (DER), base64url; its id is a digest of it. */
export const publicKeySchema = z.strictObject({
	id: b64u('a key id', 16, 64),
	spki: b64u('a public key', 300, 1200)
});
export type PublicKey = z.infer<typeof publicKeySchema>;

/** One edition, as lists name it. */
export const editionRefSchema = z.strictObject({
	campaign: campaignYearSchema,
	number: z.int().min(1),
	/** The publication day, `YYYY-MM-DD`. */
	publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	synthetic: z.boolean()
});
export type EditionRef = z.infer<typeof editionRefSchema>;

/** `GET /api/campaigns`: every campaign, latest first. */
export const campaignSchema = z.strictObject({
	year: campaignYearSchema,
	status: z.enum(['open', 'closed']),
	collects: z.array(collectedSchema),
	/** `YYYY-MM-DD`, or null when the operator set no closing date. */
	closes: z.string().nullable(),
	/** The generated demo campaigns, not real territories. */
	synthetic: z.boolean(),
	editions: z.array(editionRefSchema)
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignsResponseSchema = z.strictObject({
	campaigns: z.array(campaignSchema),
	/** Contributions without invitation are accepted (`OPEN_PARTICIPATION=on`). */
	openParticipation: z.boolean()
});
export type CampaignsResponse = z.infer<typeof campaignsResponseSchema>;

/** `POST /api/participation`: what an invitation gives. */
export const participationRequestSchema = z.strictObject({ invitation: invitationCodeSchema });
export const participationSchema = z.strictObject({
	campaign: campaignYearSchema,
	/** The territory's official cohort, from the server's territory data. */
	cohort: contributionCohortSchema,
	questionnaires: z.array(
		z.strictObject({
			questionnaire: slugSchema,
			/** The versions of it the campaign collects. */
			versions: z.array(z.int().min(1)),
			key: publicKeySchema
		})
	)
});
export type Participation = z.infer<typeof participationSchema>;

/** RSA-2048 blinded messages and signatures are 256 bytes: 342 base64url characters. */
const rsaBlock = (what: string) => b64u(what, 342, 342);

/** `POST /api/tokens`: a blinded message to sign for one questionnaire of the invitation. */
export const tokenRequestSchema = z.strictObject({
	invitation: invitationCodeSchema,
	questionnaire: slugSchema,
	blindedMessage: rsaBlock('blindedMessage')
});
export const tokenResponseSchema = z.strictObject({ blindSignature: rsaBlock('blindSignature') });

/**
 * An unblinded participation token: the key that signed it, the prepared message (32 random
 * bytes then SHA-256(S), 64 bytes) and the signature.
 */
export const participationTokenSchema = z.strictObject({
	key: b64u('token.key', 16, 64),
	message: b64u('token.message', 86, 86),
	signature: rsaBlock('token.signature')
});
export type ParticipationToken = z.infer<typeof participationTokenSchema>;

/**
 * `POST /api/contributions`: the scores with a token, or — only where the server allows open
 * participation — with `commitment`, SHA-256(S) in base64url, that lets S replace or withdraw it.
 */
export const contributeRequestSchema = z.union([
	z.strictObject({ token: participationTokenSchema, contribution: contributionSchema }),
	z.strictObject({ commitment: b64u('commitment', 43, 43), contribution: contributionSchema })
]);

/** `PUT /api/contributions` (with `Authorization: Bearer S`): the new scores. */
export const replaceRequestSchema = z.strictObject({ contribution: contributionSchema });

/** The secret S: 32 random bytes, base64url (43 characters). */
export const secretPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * `GET /api/campaigns/<year>/keys?type=&band=&region=`: the public keys of one cohort, one per
 * questionnaire, the same for every territory of it. A browser compares the key its
 * invitation gave with this list, fetched separately: a server that handed one territory its
 * own key (to recognise its contribution) would be caught.
 */
export const cohortKeysSchema = z.strictObject({
	campaign: campaignYearSchema,
	cohort: contributionCohortSchema,
	keys: z.array(z.strictObject({ questionnaire: slugSchema, key: publicKeySchema }))
});
export type CohortKeys = z.infer<typeof cohortKeysSchema>;

/** The query of `GET /api/campaigns/<year>/keys`: one whole cohort. */
export const cohortKeysQuerySchema = contributionCohortSchema;

/**
 * How the browser derives what the server stores from its secret S (32 random bytes): the
 * message it blinds is SHA-256(S) over the 32 bytes (not their base64url text); the server
 * keys the contribution by SHA-256(SHA-256(S)) = SHA-256 of the last 32 bytes of the prepared
 * message, and `Authorization: Bearer <base64url(S)>` lets it find the row again.
 */
export const SECRET_BYTES = 32;
