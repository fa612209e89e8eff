/**
 * Whether this page's database connection was closed because another tab opened a newer
 * version of Numériscope (IndexedDB `versionchange`). The page can no longer save: the layout
 * shows a banner asking to reload. The storage module loads on demand (it holds Dexie), so the
 * layout does not pull it into pages that never open the database.
 */
export class DatabaseStatus {
	closed = $state(false);

	/** Starts listening; returns the function that stops. */
	watch(): () => void {
		let stop: (() => void) | undefined;
		let stopped = false;
		void import('../storage/db.ts').then(({ onDatabaseClosed }) => {
			if (!stopped) stop = onDatabaseClosed(() => (this.closed = true));
		});
		return () => {
			stopped = true;
			stop?.();
		};
	}

	reload(): void {
		location.reload();
	}
}
