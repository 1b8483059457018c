export const IMPORT_JOBS = Symbol('IMPORT_JOBS');
