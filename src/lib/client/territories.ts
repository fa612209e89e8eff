import type { TerritorySearchResponse } from '../domain/territory.ts';

/** Asks the server's compact index; the browser never downloads the territory list. */
export async function searchTerritories(
	q: string,
	signal?: AbortSignal
): Promise<TerritorySearchResponse> {
	const res = await fetch(`/api/territories?q=${encodeURIComponent(q)}`, { signal });
	if (!res.ok) throw new Error(`recherche indisponible (${res.status})`);
	return (await res.json()) as TerritorySearchResponse;
}
