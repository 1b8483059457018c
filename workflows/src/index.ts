export { caseWorkflow } from './case.workflow.js';
export { obligationWatchWorkflow } from './obligation-watch.workflow.js';
export { interventionWorkflow } from './intervention.workflow.js';
