export { caseWorkflow } from './case.workflow.js';
export { institutionWorkflow } from './institution.workflow.js';
