import { TestWorkflowEnvironment } from '@temporalio/testing';

/**
 * The Temporal Java test server (time skipping), fetched from Maven Central by scripts/services.sh;
 * never downloaded by the SDK.
 */
export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER ?? `${process.env.HOME}/.cache/raksha/bin/temporal-test-server`;
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
}
