import { describe, expect, it } from 'vitest';
import type { HeldToken } from '../../domain/backup.ts';
import { emptyRecord, heldToken, mergeTokens, slotStatus, type PendingToken } from './record.ts';

const cohort = { type: 'commune', band: '100000-299999', region: '44' } as const;
const held = (over: Partial<HeldToken> = {}): HeldToken => ({
	campaign: 2026,
	cohort,
	questionnaire: 'inclusion',
	versions: [1],
	token: { key: 'k'.repeat(43), message: 'm'.repeat(86), signature: 's'.repeat(342) },
	secret: 'S'.repeat(43),
	status: 'ready',
	...over
});
const pending = (over: Partial<PendingToken> = {}): PendingToken => ({
	campaign: 2027,
	cohort,
	questionnaire: 'inclusion',
	versions: [2],
	key: { id: 'k'.repeat(43), spki: 'p'.repeat(400) },
	secret: 'T'.repeat(43),
	prepared: 'm'.repeat(86),
	inv: 'i'.repeat(342),
	blindedMessage: 'b'.repeat(342),
	...over
});

describe('the participation record of a diagnostic', () => {
	it('uses the token of the latest campaign, and says where each questionnaire stands', () => {
		const r = { ...emptyRecord(), tokens: [held({ campaign: 2027, status: 'sent' }), held()] };
		expect(heldToken(r, 'inclusion')?.campaign).toBe(2027);
		expect(slotStatus(r, 'inclusion')).toBe('sent');
		expect(slotStatus(r, 'donnees')).toBe('none');
		// a newer campaign's token still pending hides last year's
		const next = { invitation: 'X', pending: [pending({ campaign: 2028 })], tokens: r.tokens };
		expect(slotStatus(next, 'inclusion')).toBe('pending');
	});

	it('adds an imported token only where none is held, and keeps the one held here', () => {
		const mine = held({ secret: 'M'.repeat(43), status: 'sent' });
		const r = { invitation: 'X', pending: [pending()], tokens: [mine] };
		const merged = mergeTokens(r, [
			held({ secret: 'F'.repeat(43) }), // same campaign and questionnaire: mine wins
			held({ campaign: 2027, versions: [2] }), // covers the pending one: it is dropped
			held({ questionnaire: 'donnees' })
		]);
		expect(merged.tokens.map((t) => [t.campaign, t.questionnaire, t.secret[0]])).toEqual([
			[2026, 'inclusion', 'M'],
			[2027, 'inclusion', 'S'],
			[2026, 'donnees', 'S']
		]);
		expect(merged.pending).toEqual([]);
		expect(merged.invitation).toBeUndefined(); // nothing pending: the code is forgotten
	});
});
