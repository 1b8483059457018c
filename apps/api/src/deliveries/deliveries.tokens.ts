export const DELIVERY_JOBS = Symbol('DELIVERY_JOBS');
