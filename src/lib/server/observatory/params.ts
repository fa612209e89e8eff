/** `2025` and `1` as numbers, or null when they cannot name an edition (the route answers 404). */
export function editionParams(p: { campagne: string; edition: string }): [number, number] | null {
	if (!/^\d{4}$/.test(p.campagne) || !/^[1-9]\d{0,5}$/.test(p.edition)) return null;
	return [Number(p.campagne), Number(p.edition)];
}
