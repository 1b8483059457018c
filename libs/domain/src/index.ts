export * from './bodies.js';
export * from './roles.js';
export * from './tracks.js';
