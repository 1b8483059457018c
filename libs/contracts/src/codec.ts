import { z } from 'zod';

/** Base64 as Temporal's ProtoJSON writes bytes (standard or URL-safe alphabet, padding optional). */
const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, { message: 'base64' });

/**
 * The Temporal codec-server protocol (what the Web UI and `temporal --codec-endpoint` send to /codec/encode and
 * /codec/decode): payloads as ProtoJSON, metadata values and data in base64.
 */
export const codecPayloads = z.strictObject({
  payloads: z
    .array(z.strictObject({ metadata: z.record(z.string().max(256), base64).optional(), data: base64.optional() }))
    .max(1000, { message: 'at most 1000 payloads at once' }),
});
export type CodecPayloads = z.infer<typeof codecPayloads>;
