import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { RakshaConfig } from '@raksha/config';
import { obligationChangedSignal, obligationWatchId, type WatchedObligation } from '@raksha/contracts/temporal';
import type { obligationWatchWorkflow } from '@raksha/workflows';
import { RAKSHA_CONFIG, TEMPORAL_CLIENT } from '../infrastructure/tokens.js';

/**
 * Tells an obligation's watch workflow (started if need be) the owner's latest record of it. The owner's row
 * is the truth: a signal that fails is logged and returns false, and the next change sends the whole state again.
 */
@Injectable()
export class ObligationWatchClient {
  private readonly logger = new Logger(ObligationWatchClient.name);

  constructor(
    @Inject(RAKSHA_CONFIG) private readonly config: RakshaConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async tell(watched: WatchedObligation): Promise<boolean> {
    try {
      await this.temporal.workflow.signalWithStart<typeof obligationWatchWorkflow, [WatchedObligation]>('obligationWatchWorkflow', {
        taskQueue: this.config.temporal.taskQueue,
        workflowId: obligationWatchId(watched.subject, watched.subjectId),
        args: [watched],
        signal: obligationChangedSignal,
        signalArgs: [watched],
      });
      return true;
    } catch (err) {
      this.logger.error(`${watched.label}: the watch of "${watched.deadline.obligation}" was not told of this change: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }
}
