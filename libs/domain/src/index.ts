export * from './bodies.js';
export * from './deadlines.js';
export * from './jurisdiction.js';
export * from './permissions.js';
export * from './roles.js';
export * from './tracks.js';
export * from './institutions.js';
