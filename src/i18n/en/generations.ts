/** English messages of the generations feature (filled as its components move their strings here). */
export const generations = {};
