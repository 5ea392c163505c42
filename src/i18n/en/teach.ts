/** English messages of the teach feature (filled as its components move their strings here). */
export const teach = {};
