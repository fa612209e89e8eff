/** A storage failure with a message the officer can act on, in French. */
export class StorageError extends Error {
	constructor(
		message: string,
		readonly code: 'quota' | 'closed' | 'unavailable' | 'unknown',
		options?: { cause?: unknown }
	) {
		super(message, options);
		this.name = 'StorageError';
	}

	/** Tells IndexedDB/Dexie failures apart by `error.name`, as Dexie recommends. */
	static from(e: unknown, what: string): StorageError {
		if (e instanceof StorageError) return e;
		const name =
			(e as { name?: string; inner?: { name?: string } })?.inner?.name ??
			(e as { name?: string })?.name;
		switch (name) {
			case 'QuotaExceededError':
				return new StorageError(
					`Impossible de ${what} : l'espace de stockage du navigateur est plein. Exportez vos diagnostics, supprimez-en d'anciens, puis réessayez.`,
					'quota',
					{ cause: e }
				);
			case 'DatabaseClosedError':
				return new StorageError(
					`Impossible de ${what} : Numériscope a été mis à jour dans un autre onglet. Rechargez la page.`,
					'closed',
					{ cause: e }
				);
			case 'MissingAPIError':
			case 'InvalidStateError':
				return new StorageError(
					`Impossible de ${what} : le stockage local est indisponible (navigation privée ou stockage désactivé ?).`,
					'unavailable',
					{ cause: e }
				);
			default:
				return new StorageError(
					`Impossible de ${what} : ${e instanceof Error ? e.message : String(e)}`,
					'unknown',
					{
						cause: e
					}
				);
		}
	}
}
