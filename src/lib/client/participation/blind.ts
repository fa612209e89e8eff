import { fromB64u, toB64u } from './b64u.ts';

/**
 * The browser's half of RFC 9474 (RSABSSA-SHA384-PSS-Randomized), through `@cloudflare/blindrsa-ts`
 * (never hand-rolled RSA). The library is imported on first use: the results page carries none of
 * it until the officer uses an invitation.
 *
 * The token message is SHA-256(S) for a secret S of 32 random bytes: the server learns S only when
 * S replaces or withdraws a contribution, and can check it against the message it verified.
 */

/** Everything needed to finish a token once the blind signature comes back, stored before asking. */
export interface Blinding {
	/** S: 32 random bytes, base64url (43 characters). */
	secret: string;
	/** The prepared message (32 random bytes then SHA-256(S)), base64url. */
	prepared: string;
	/** The blinding inverse, base64url. Secret: with it the server could link the token. */
	inv: string;
	/** What the server signs, base64url (342 characters for RSA-2048). */
	blindedMessage: string;
}

async function suite() {
	const { RSABSSA } = await import('@cloudflare/blindrsa-ts');
	return RSABSSA.SHA384.PSS.Randomized();
}

/** Imports a token key from its SubjectPublicKeyInfo (base64url), as blindrsa-ts wants it. */
export function importPublicKey(spki: string): Promise<CryptoKey> {
	return crypto.subtle.importKey(
		'spki',
		fromB64u(spki),
		{ name: 'RSA-PSS', hash: 'SHA-384' },
		true,
		['verify']
	);
}

/** SHA-256(S) — the message a token signs. */
export async function messageOf(secret: string): Promise<Uint8Array> {
	return new Uint8Array(await crypto.subtle.digest('SHA-256', fromB64u(secret)));
}

/** Draws a secret and blinds its message for the key. */
export async function blind(spki: string): Promise<Blinding> {
	const s = await suite();
	const key = await importPublicKey(spki);
	const secret = toB64u(crypto.getRandomValues(new Uint8Array(32)));
	const prepared = s.prepare(await messageOf(secret));
	const { blindedMsg, inv } = await s.blind(key, prepared);
	return {
		secret,
		prepared: toB64u(prepared),
		inv: toB64u(inv),
		blindedMessage: toB64u(blindedMsg)
	};
}

/**
 * Unblinds the server's answer into a signature on the prepared message, and verifies it (the
 * library refuses an invalid one): a wrong or forged answer never becomes a stored token.
 */
export async function finalize(
	spki: string,
	b: Blinding,
	blindSignature: string
): Promise<{ message: string; signature: string }> {
	const s = await suite();
	const key = await importPublicKey(spki);
	const signature = await s.finalize(
		key,
		fromB64u(b.prepared),
		fromB64u(blindSignature),
		fromB64u(b.inv)
	);
	return { message: b.prepared, signature: toB64u(signature) };
}
