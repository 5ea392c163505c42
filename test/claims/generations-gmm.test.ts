import { generationClaims } from './generationsClaims';

generationClaims('gmm');
