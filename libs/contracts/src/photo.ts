// A photograph as a report or a child's profile takes it: small enough for a weak link, base64 in the JSON body.
import { z } from 'zod';

export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** A photograph's largest size, so a report goes through on a weak link. */
export const PHOTO_MAX_BYTES = 300_000;
/** A photograph's base64 (four characters for each three bytes): the API's JSON body limit is set above it. */
export const PHOTO_BASE64_MAX = Math.ceil(PHOTO_MAX_BYTES / 3) * 4;
export const photoBody = z.strictObject({
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  base64: z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64')
    .max(PHOTO_BASE64_MAX, 'a photo of at most 300 kB'),
});
