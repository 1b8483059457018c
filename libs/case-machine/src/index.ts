export * from './workflow.js';
export * from './schemas.js';
