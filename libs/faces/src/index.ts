// Face descriptors of report photographs, for matching: decode, detect, describe, on a thread of its own.
export * from './decode.js';
export * from './description.js';
export * from './describer.js';
