/** English messages of the shared feature (filled as its components move their strings here). */
export const shared = {};
