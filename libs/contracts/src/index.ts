export * from './auth.js';
export * from './case-workflow.js';
export * from './http.js';
export * from './notifications.js';
export * from './search-attributes.js';
export * from './care.js';
export * from './obligation-watch.js';
export * from './reports.js';
