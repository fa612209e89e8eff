import { describe, expect, it } from 'vitest';
import {
	BlindSignError,
	blindSign,
	generateKeyMaterial,
	importPublicKey,
	keyId,
	loadSigningKey,
	suite,
	verifyToken
} from './keys.ts';

const material = await generateKeyMaterial();
const key = loadSigningKey(material);
const privateKey = await crypto.subtle.importKey(
	'pkcs8',
	new Uint8Array(Buffer.from(material.pkcs8, 'base64url')),
	{ name: 'RSA-PSS', hash: 'SHA-384' },
	true,
	['sign']
);
const publicKey = await importPublicKey(Buffer.from(material.spki, 'base64url'));

/** What a browser does: prepare SHA-256(S), blind it. */
async function blinded() {
	const secret = crypto.getRandomValues(new Uint8Array(32));
	const msg = suite.prepare(new Uint8Array(await crypto.subtle.digest('SHA-256', secret)));
	return { msg, ...(await suite.blind(publicKey, msg)) };
}

describe('token-signing keys', () => {
	it('are RSA-2048 key pairs named by a digest of their public half', () => {
		const spki = Buffer.from(material.spki, 'base64url');
		expect(material.id).toBe(keyId(spki));
		expect(material.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(key.public.asymmetricKeyDetails?.modulusLength).toBe(2048);
		expect(key.id).toBe(material.id);
	});

	it('blind-sign with OpenSSL exactly as blindrsa-ts does, and the browser finalises it', async () => {
		const { msg, blindedMsg, inv } = await blinded();
		const ours = blindSign(key, blindedMsg);
		expect(Buffer.from(ours)).toEqual(Buffer.from(await suite.blindSign(privateKey, blindedMsg)));
		const signature = await suite.finalize(publicKey, msg, ours, inv);
		expect(await suite.verify(publicKey, signature, msg)).toBe(true);
		expect(verifyToken(key, msg, signature)).toBe(true);
		// Unblinded, the signature shares nothing with the blind one the server saw.
		expect(Buffer.from(signature).equals(Buffer.from(ours))).toBe(false);
	});

	it('refuse to sign what is not a 256-byte integer below the modulus', async () => {
		expect(() => blindSign(key, new Uint8Array(255))).toThrow(BlindSignError);
		expect(() => blindSign(key, new Uint8Array(256).fill(0xff))).toThrow(BlindSignError);
	});

	it('verify tokens with OpenSSL exactly as blindrsa-ts does, valid or forged', async () => {
		const { msg, blindedMsg, inv } = await blinded();
		const signature = await suite.finalize(publicKey, msg, blindSign(key, blindedMsg), inv);
		const cases: [Uint8Array, Uint8Array][] = [[msg, signature]];
		for (const at of [0, 100, 255]) {
			const s = signature.slice();
			s[at]! ^= 1;
			cases.push([msg, s]);
		}
		for (const at of [0, 31, 32, 63]) {
			const m = msg.slice();
			m[at]! ^= 0x80;
			cases.push([m, signature]);
		}
		cases.push([msg, crypto.getRandomValues(new Uint8Array(256))]);
		for (const [m, s] of cases)
			expect(verifyToken(key, m, s)).toBe(await suite.verify(publicKey, s, m));
		expect(cases.map(([m, s]) => verifyToken(key, m, s))).toEqual([
			true,
			...cases.slice(1).map(() => false)
		]);
	});

	it('verify only the exact 64-byte message under the right key', async () => {
		const { msg, blindedMsg, inv } = await blinded();
		const signature = await suite.finalize(publicKey, msg, blindSign(key, blindedMsg), inv);
		const other = loadSigningKey(await generateKeyMaterial());
		expect(verifyToken(other, msg, signature)).toBe(false);
		const flipped = signature.slice();
		flipped[100]! ^= 1;
		expect(verifyToken(key, msg, flipped)).toBe(false);
		const changed = msg.slice();
		changed[63]! ^= 1;
		expect(verifyToken(key, changed, signature)).toBe(false);
		expect(verifyToken(key, msg.slice(0, 63), signature)).toBe(false);
		expect(verifyToken(key, msg, signature.slice(0, 255))).toBe(false);
		expect(verifyToken(key, msg, crypto.getRandomValues(new Uint8Array(256)))).toBe(false);
	});
});
