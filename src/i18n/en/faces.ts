/** English messages of the faces feature (filled as its components move their strings here). */
export const faces = {};
