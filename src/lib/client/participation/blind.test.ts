import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { participationTokenSchema, secretPattern } from '../../domain/participation.ts';
import { fromB64u, toB64u } from './b64u.ts';
import { blind, finalize, importPublicKey, messageOf } from './blind.ts';
import { blindSign } from './testing.ts';

const bigOf = (b: Uint8Array) => BigInt('0x' + Buffer.from(b).toString('hex'));
function modPow(base: bigint, exp: bigint, n: bigint): bigint {
	let r = 1n;
	base %= n;
	for (; exp > 0n; exp >>= 1n, base = (base * base) % n) if (exp & 1n) r = (r * base) % n;
	return r;
}
function modInverse(a: bigint, n: bigint): bigint {
	let [r0, r1, t0, t1] = [n, a % n, 0n, 1n];
	while (r1 !== 0n) {
		const q = r0 / r1;
		[r0, r1, t0, t1] = [r1, r0 - q * r1, t1, t0 - q * t1];
	}
	return ((t0 % n) + n) % n;
}

let privateKey: KeyObject;
let spki: string;
beforeAll(() => {
	const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
	privateKey = pair.privateKey;
	spki = toB64u(pair.publicKey.export({ type: 'spki', format: 'der' }));
});

describe('blind participation tokens (RFC 9474) in the browser', () => {
	it('blinds, has the server sign blindly, unblinds into a token the server then verifies', async () => {
		const b = await blind(spki);
		expect(b.secret).toMatch(secretPattern);
		const token = await finalize(spki, b, blindSign(privateKey, b.blindedMessage));
		expect(participationTokenSchema.parse({ key: 'k'.repeat(43), ...token })).toBeTruthy();
		// The prepared message is 32 random bytes then SHA-256(S): S proves the token later.
		expect(fromB64u(token.message).slice(32)).toEqual(await messageOf(b.secret));
		// What the server checks at contribution time: a plain RSA-PSS signature on the message.
		const key = await importPublicKey(spki);
		const ok = await crypto.subtle.verify(
			{ name: 'RSA-PSS', saltLength: 48 },
			key,
			fromB64u(token.signature),
			fromB64u(token.message)
		);
		expect(ok).toBe(true);
	});

	it('refuses to make a token of a forged answer, or of one signed by another key', async () => {
		const b = await blind(spki);
		const forged = crypto.getRandomValues(new Uint8Array(256));
		forged[0] = 0; // below any 2048-bit modulus: a well-formed but false signature
		await expect(finalize(spki, b, toB64u(forged))).rejects.toThrow();
		const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const theirs = await blind(toB64u(other.publicKey.export({ type: 'spki', format: 'der' })));
		await expect(
			finalize(spki, b, blindSign(other.privateKey, theirs.blindedMessage))
		).rejects.toThrow();
	});

	it('gives the signing server nothing to link a token to its issuance (attacker: the server)', async () => {
		// Two territories get a token each; the server logs what it saw at issuance.
		const sessions = await Promise.all([blind(spki), blind(spki)]);
		const log = sessions.map((b) => ({
			blindedMessage: b.blindedMessage,
			blindSignature: blindSign(privateKey, b.blindedMessage)
		}));
		const tokens = await Promise.all(
			sessions.map((b, i) => finalize(spki, b, log[i]!.blindSignature))
		);
		const n = bigOf(
			Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).n!, 'base64url')
		);
		const e = 65537n;
		for (const t of tokens) {
			// Nothing of the token appears in the log…
			const seen = log.flatMap((l) => [l.blindedMessage, l.blindSignature]);
			expect(seen).not.toContain(t.signature);
			expect(seen).not.toContain(t.message);
			const encoded = modPow(bigOf(fromB64u(t.signature)), e, n); // EM, as the server can recover
			expect(seen.map((x) => bigOf(fromB64u(x)))).not.toContain(encoded);
			// …and every issuance is equally consistent with it: for each logged session there is a
			// blinding factor r with r^e·EM = blinded and r·sig = blind signature. Linking is a guess.
			for (const l of log) {
				const r =
					(bigOf(fromB64u(l.blindSignature)) * modInverse(bigOf(fromB64u(t.signature)), n)) % n;
				expect((modPow(r, e, n) * encoded) % n).toBe(bigOf(fromB64u(l.blindedMessage)));
			}
		}
	});

	it('draws a new secret and a new blinding each time', async () => {
		const [a, b] = await Promise.all([blind(spki), blind(spki)]);
		expect(a.secret).not.toBe(b.secret);
		expect(a.blindedMessage).not.toBe(b.blindedMessage);
		expect(a.blindedMessage).toHaveLength(342);
	});
});
