/**
 * The participation flow from node, as a browser and an operator do it: the operator's
 * command line (`scripts/observatory.ts`) against the server's store, and the browser's steps
 * with blindrsa-ts (prepare SHA-256(S), blind, have it signed, finalise).
 */
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import { spawnSync } from 'node:child_process';
import type { Contribution } from '../../src/lib/domain/contribution.ts';
import {
	participationSchema,
	type Participation,
	type ParticipationToken
} from '../../src/lib/domain/participation.ts';

const suite = RSABSSA.SHA384.PSS.Randomized();

/** A SQLite file path, or the settings (`{ DATABASE_URL }`) of the store the server uses. */
export type StoreRef = string | Record<string, string>;

const envOf = (store: StoreRef) => (typeof store === 'string' ? { SQLITE_PATH: store } : store);

export interface CliResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Runs `npm run observatory -- <args>` against a store. */
export function observatory(store: StoreRef, args: string[]): CliResult {
	const r = spawnSync('node_modules/.bin/tsx', ['scripts/observatory.ts', ...args], {
		env: { ...process.env, ...envOf(store) },
		encoding: 'utf8',
		timeout: 60_000
	});
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(r: CliResult, what: string): CliResult {
	if (r.status !== 0) throw new Error(`observatory ${what} failed (${r.status}):\n${r.stderr}`);
	return r;
}

/** Opens a campaign (by default collecting donnees@1 and cybersecurite@1). */
export function openCampaign(
	store: StoreRef,
	year: number,
	questionnaires = 'donnees@1,cybersecurite@1'
): void {
	ok(
		observatory(store, ['campaign', 'open', String(year), '--questionnaires', questionnaires]),
		'campaign open'
	);
}

/** Invites territories (INSEE/SIREN codes, or `--type`… arguments); their invitations by code. */
export function invite(store: StoreRef, year: number, codes: string[]): Map<string, string> {
	const { stdout } = ok(observatory(store, ['invite', String(year), ...codes]), 'invite');
	const [header, ...lines] = stdout.trim().split('\n');
	if (header !== 'code;type;name;invitation')
		throw new Error(`unexpected invite output: ${stdout}`);
	return new Map(
		lines.map((l) => {
			const fields = l.split(';');
			return [fields[0]!, fields.at(-1)!];
		})
	);
}

const post = (url: string, path: string, body: unknown) =>
	fetch(url + path, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});

export interface ObtainedToken {
	/** What `POST /api/contributions` carries. */
	token: ParticipationToken;
	/** S, base64url: `Authorization: Bearer <secret>` replaces or withdraws. */
	secret: string;
	participation: Participation;
	/** The blind signature the server gave (to check it differs from the token's). */
	blindSignature: string;
	blindedMessage: string;
}

/** Blinds a fresh SHA-256(S) for a key: the browser's side of `POST /api/tokens`. */
export async function blindFor(spki: string) {
	const publicKey = await crypto.subtle.importKey(
		'spki',
		new Uint8Array(Buffer.from(spki, 'base64url')),
		{ name: 'RSA-PSS', hash: 'SHA-384' },
		true,
		['verify']
	);
	const secret = crypto.getRandomValues(new Uint8Array(32));
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', secret));
	const message = suite.prepare(digest);
	const { blindedMsg, inv } = await suite.blind(publicKey, message);
	return { publicKey, secret, message, blindedMsg, inv };
}

/**
 * Redeems an invitation for one questionnaire: `POST /api/participation`, then blinds and has
 * `POST /api/tokens` sign, then finalises (which verifies the signature). Throws on a refusal.
 */
export async function obtainToken(
	url: string,
	invitation: string,
	questionnaire: string
): Promise<ObtainedToken> {
	const res = await post(url, '/api/participation', { invitation });
	if (res.status !== 200) throw new Error(`participation: ${res.status} ${await res.text()}`);
	const participation = participationSchema.parse(await res.json());
	const entry = participation.questionnaires.find((q) => q.questionnaire === questionnaire);
	if (!entry) throw new Error(`the campaign does not collect ${questionnaire}`);
	const b = await blindFor(entry.key.spki);
	const blindedMessage = Buffer.from(b.blindedMsg).toString('base64url');
	const signed = await post(url, '/api/tokens', { invitation, questionnaire, blindedMessage });
	if (signed.status !== 200) throw new Error(`tokens: ${signed.status} ${await signed.text()}`);
	const { blindSignature } = (await signed.json()) as { blindSignature: string };
	const signature = await suite.finalize(
		b.publicKey,
		b.message,
		new Uint8Array(Buffer.from(blindSignature, 'base64url')),
		b.inv
	);
	return {
		token: {
			key: entry.key.id,
			message: Buffer.from(b.message).toString('base64url'),
			signature: Buffer.from(signature).toString('base64url')
		},
		secret: Buffer.from(b.secret).toString('base64url'),
		participation,
		blindSignature,
		blindedMessage
	};
}

/** `POST /api/contributions` with a token. */
export function contribute(
	url: string,
	token: ParticipationToken,
	contribution: Contribution | unknown
): Promise<Response> {
	return post(url, '/api/contributions', { token, contribution });
}

/** `PUT` (with a contribution) or `DELETE` (without) authorised by the secret S. */
export function withSecret(url: string, secret: string, contribution?: unknown): Promise<Response> {
	return fetch(url + '/api/contributions', {
		method: contribution === undefined ? 'DELETE' : 'PUT',
		headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
		body: contribution === undefined ? undefined : JSON.stringify({ contribution })
	});
}

/**
 * For benches only, which need thousands of tokens: a token signed directly with the cell's
 * private key (read from the store). Once unblinded, a blind signature is exactly this RSASSA-PSS
 * signature, so the server cannot tell them apart; blinding in JavaScript (~50–200 ms a token)
 * would make the client the bottleneck.
 */
export async function tokenSignedDirectly(key: {
	id: string;
	pkcs8: string;
}): Promise<{ token: ParticipationToken; secret: string }> {
	const privateKey = await crypto.subtle.importKey(
		'pkcs8',
		new Uint8Array(Buffer.from(key.pkcs8, 'base64url')),
		{ name: 'RSA-PSS', hash: 'SHA-384' },
		false,
		['sign']
	);
	const secret = crypto.getRandomValues(new Uint8Array(32));
	const message = suite.prepare(new Uint8Array(await crypto.subtle.digest('SHA-256', secret)));
	const signature = await crypto.subtle.sign(
		{ name: 'RSA-PSS', saltLength: 48 },
		privateKey,
		new Uint8Array(message)
	);
	return {
		token: {
			key: key.id,
			message: Buffer.from(message).toString('base64url'),
			signature: Buffer.from(signature).toString('base64url')
		},
		secret: Buffer.from(secret).toString('base64url')
	};
}

/** For benches: a blinded message of the right size the server will sign (any integer below n). */
export function someBlindedMessage(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(256));
	bytes[0] = 0;
	return Buffer.from(bytes).toString('base64url');
}
