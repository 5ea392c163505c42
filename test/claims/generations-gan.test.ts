import { generationClaims } from './generationsClaims';

generationClaims('gan');
