import { describe, expect, it } from 'vitest';
import {
	carriedCounts,
	carriedItems,
	diagnosticYear,
	earlierDiagnostics,
	previousDiagnostic
} from './year.ts';

const day = 86_400_000;
const t2025 = new Date(2025, 2, 1).getTime();
const t2026 = new Date(2026, 2, 1).getTime();
const t2027 = new Date(2027, 2, 1).getTime();

describe('previousDiagnostic', () => {
	const agen = (id: string, createdAt: number, code = '47001') => ({ id, createdAt, code });
	const current = agen('agen-2027', t2027);

	it('picks the most recent diagnostic of the same territory created before this one', () => {
		const others = [
			agen('agen-2025', t2025),
			agen('agen-2026', t2026),
			agen('agen-2026-bis', t2026 + day),
			agen('nancy-2026', t2026 + 2 * day, '54395'),
			agen('agen-2028', t2027 + day),
			current
		];
		expect(previousDiagnostic(current, others)?.id).toBe('agen-2026-bis');
		expect(earlierDiagnostics(current, others).map((o) => o.id)).toEqual([
			'agen-2026-bis',
			'agen-2026',
			'agen-2025'
		]);
	});

	it('finds none without an earlier one of the same code, nor for a territory without a code', () => {
		expect(previousDiagnostic(current, [agen('nancy', t2026, '54395')])).toBeUndefined();
		expect(previousDiagnostic(current, [agen('agen-2028', t2027 + day)])).toBeUndefined();
		const noCode = { id: 'x-2027', createdAt: t2027 };
		expect(previousDiagnostic(noCode, [{ id: 'y-2026', createdAt: t2026 }])).toBeUndefined();
	});

	it('takes the diagnostic it was started from, even without a code', () => {
		const started = {
			id: 'syndicat-2027',
			createdAt: t2027,
			basedOn: { id: 'syndicat-2026', createdAt: t2026 }
		};
		const others = [
			{ id: 'syndicat-2026', createdAt: t2026 },
			{ id: 'autre-2026', createdAt: t2026 + day }
		];
		expect(previousDiagnostic(started, others)?.id).toBe('syndicat-2026');
	});
});

describe('carried items', () => {
	it('lists the answers with a plan or a comment, questionnaire by questionnaire', () => {
		const items = carriedItems(
			{
				donnees: {
					a: { response: { type: 'dontKnow' }, planned: true },
					b: { response: { type: 'dontKnow' }, comment: 'voir la DSI' },
					c: { response: { type: 'dontKnow' }, comment: '   ' },
					d: { response: { type: 'dontKnow' }, planned: false },
					e: { planned: true, comment: 'budget 2027' }
				},
				cyber: { z: { comment: 'audit' } }
			},
			['cyber', 'donnees']
		);
		expect(items).toEqual([
			{ questionnaireId: 'cyber', questionId: 'z', planned: false, comment: true },
			{ questionnaireId: 'donnees', questionId: 'a', planned: true, comment: false },
			{ questionnaireId: 'donnees', questionId: 'b', planned: false, comment: true },
			{ questionnaireId: 'donnees', questionId: 'e', planned: true, comment: true }
		]);
		expect(carriedCounts(items)).toEqual({ planned: 2, comments: 3 });
	});

	it('is empty when nothing was planned or commented', () => {
		expect(carriedItems({ q: { a: { response: { type: 'dontKnow' } } } })).toEqual([]);
	});
});

describe('diagnosticYear', () => {
	it('is the year the diagnostic was created in', () => {
		expect(diagnosticYear(t2027)).toBe(2027);
		expect(diagnosticYear(new Date(2026, 11, 31, 23, 0).getTime())).toBe(2026);
	});
});
