import { Inject, Injectable } from '@nestjs/common';
import type { Payload } from '@temporalio/common';
import { requireDataKeys, type RakshaConfig } from '@raksha/config';
import type { CodecPayloads } from '@raksha/contracts';
import { PayloadEncryptionCodec } from '@raksha/contracts/temporal/payload-codec';
import { AuditRepository } from '@raksha/db';
import { auditedAction, type Principal } from '../auth/principal.js';
import { RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { invalidField } from '../problem/domain-errors.js';

type JsonPayload = CodecPayloads['payloads'][number];

/**
 * The codec endpoint for engineers who read workflow histories (Temporal's Web UI or CLI with a codec endpoint):
 * the same codec as the API's client and the worker. Every call is audited on the engineer's chain of reads
 * before the answer goes out, since a decoded payload can carry a child's name.
 */
@Injectable()
export class CodecService {
  private readonly codec: PayloadEncryptionCodec;

  constructor(
    @Inject(RAKSHA_CONFIG) config: RakshaConfig,
    private readonly audit: AuditRepository,
  ) {
    this.codec = new PayloadEncryptionCodec(requireDataKeys(config));
  }

  async encode(principal: Principal, body: CodecPayloads, namespace: string | undefined): Promise<CodecPayloads> {
    await this.record(principal, 'workflow.payloads_encoded', body, namespace);
    return { payloads: (await this.codec.encode(body.payloads.map(fromJson))).map(toJson) };
  }

  async decode(principal: Principal, body: CodecPayloads, namespace: string | undefined): Promise<CodecPayloads> {
    await this.record(principal, 'workflow.payloads_decoded', body, namespace);
    const decoded: Payload[] = [];
    for (const [i, payload] of body.payloads.entries()) {
      try {
        decoded.push(...(await this.codec.decode([fromJson(payload)])));
      } catch {
        throw invalidField(`payloads.${i}`, 'does not open with any data key this deployment holds (altered, or sealed by another deployment)');
      }
    }
    return { payloads: decoded.map(toJson) };
  }

  private record(principal: Principal, action: string, body: CodecPayloads, namespace: string | undefined): Promise<void> {
    const detail = { namespace: namespace?.slice(0, 256) ?? null, payloads: body.payloads.length };
    return this.audit.record({ chain: `reads:user:${principal.userId}`, subjectType: 'user', subjectId: principal.userId, ...auditedAction(principal, action, detail) });
  }
}

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});

const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});
