// The Temporal half of the contracts: task queues, workflow handles, search attributes and workflow-only payloads.
// It imports @temporalio/*, so the web app never imports it; what HTTP answers lives in the main entry.
export * from './case-workflow.js';
export * from './obligation-watch.js';
export * from './duty-watch.js';
export * from './search-attributes.js';
export * from './intervention.js';
