import { TestWorkflowEnvironment } from '@temporalio/testing';
import proto from '@temporalio/proto';
import { CaseIdAttribute, CasePhaseAttribute, CaseStateAttribute, DistrictCodeAttribute, StateCodeAttribute, TrackAttribute } from '@raksha/contracts/temporal';

/**
 * The Temporal Java test server (time skipping), fetched from Maven Central by scripts/services.sh;
 * never downloaded by the SDK. The case workflows' search attributes are registered on it.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER ?? `${process.env.HOME}/.cache/raksha/bin/temporal-test-server`;
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  const keys = [CaseIdAttribute, TrackAttribute, CaseStateAttribute, CasePhaseAttribute, DistrictCodeAttribute, StateCodeAttribute];
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(keys.map((k) => [k.name, proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD])),
  });
  return env;
}
