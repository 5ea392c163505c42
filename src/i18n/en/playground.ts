/** English messages of the playground feature (filled as its components move their strings here). */
export const playground = {};
