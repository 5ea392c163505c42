/** English messages of the experiments feature (filled as its components move their strings here). */
export const experiments = {};
