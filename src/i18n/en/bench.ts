/** English messages of the bench feature (filled as its components move their strings here). */
export const bench = {};
