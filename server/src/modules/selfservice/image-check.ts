import { MAX_IMAGE_BYTES } from '../../../../contracts/selfservice.js';
import { AppError } from '../../errors.js';

// An upload is what its first bytes say, not what its name or declared type claims: only these three are kept,
// and nothing the browser could run (SVG, HTML) ever is.
const signatures: { mime: string; matches: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', matches: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/png',
    matches: (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/webp', matches: (b) => b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
];

export function checkImage(base64: string, index: number): { mime: string; content: Buffer } {
  const field = `body.images.${index}`;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new AppError(422, 'attachment.invalid', 'Send the image as base64', { field });
  const content = Buffer.from(base64, 'base64');
  if (content.length > MAX_IMAGE_BYTES)
    throw new AppError(422, 'attachment.invalid', `An image may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`, {
      field,
      reason: 'too_large',
    });
  const kind = signatures.find((s) => s.matches(content));
  if (!kind) throw new AppError(422, 'attachment.invalid', 'Only JPEG, PNG or WebP images are accepted', { field, reason: 'type' });
  return { mime: kind.mime, content };
}
