import type { CaseActor } from '@raksha/contracts';

// Sign-in and roles arrive with the stakeholder API; until then every request is recorded as this actor.
export const UNAUTHENTICATED: CaseActor = { id: 'unauthenticated', role: 'SYSTEM', body: 'SYSTEM' };
