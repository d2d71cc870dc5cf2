import { MAX_IMAGE_BYTES, MAX_IMAGES } from '../../../contracts/selfservice.js';

export type ImageProblem = 'my.image.tooLarge' | 'my.image.wrongType' | 'my.image.tooMany';

// Checked in the browser for a quick answer; the server checks the bytes again and decides.
export function imageProblem(file: { size: number; type: string }, alreadyChosen: number): ImageProblem | null {
  if (alreadyChosen >= MAX_IMAGES) return 'my.image.tooMany';
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(file.type)) return 'my.image.wrongType';
  if (file.size > MAX_IMAGE_BYTES) return 'my.image.tooLarge';
  return null;
}

/** "data:image/png;base64,AAAA" → "AAAA" */
export const base64Of = (dataUrl: string) => dataUrl.slice(dataUrl.indexOf(',') + 1);

export const isPhone = (s: string) => /^1[3-9][0-9]{9}$/.test(s);
export const isCode = (s: string) => /^[0-9]{6}$/.test(s);
