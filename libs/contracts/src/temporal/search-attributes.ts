// Custom search attributes of case workflows (registered by scripts/services.sh and
// docker/compose.yaml), so Temporal's UI can find a case by where it stands.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CaseIdAttribute = defineSearchAttributeKey('CaseId', SearchAttributeType.KEYWORD);
export const TrackAttribute = defineSearchAttributeKey('Track', SearchAttributeType.KEYWORD);
export const CaseStateAttribute = defineSearchAttributeKey('CaseState', SearchAttributeType.KEYWORD);
export const CasePhaseAttribute = defineSearchAttributeKey('CasePhase', SearchAttributeType.KEYWORD);
export const DistrictCodeAttribute = defineSearchAttributeKey('DistrictCode', SearchAttributeType.KEYWORD);
export const StateCodeAttribute = defineSearchAttributeKey('StateCode', SearchAttributeType.KEYWORD);
