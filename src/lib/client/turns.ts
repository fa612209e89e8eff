/**
 * Turns of the main thread for the parts of a long page below its first screen: each part waits
 * for the previous one, then for its own task after the next frame, so the first screen paints
 * first and no single task renders the whole page (Lighthouse's total blocking time counts each
 * task over 50 ms). Everything is in the page a few tasks after the first paint.
 */
let last: Promise<void> = Promise.resolve();

/** Resolves in a task of its own, after every turn asked before it. */
export function nextTurn(): Promise<void> {
	const turn = last.then(
		() =>
			new Promise<void>((resolve) => {
				const next = () => setTimeout(resolve, 0);
				if (typeof requestAnimationFrame === 'function') requestAnimationFrame(next);
				else next();
			})
	);
	last = turn;
	return turn;
}
