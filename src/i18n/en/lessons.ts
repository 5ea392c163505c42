/** English messages of the lessons feature (filled as its components move their strings here). */
export const lessons = {};
