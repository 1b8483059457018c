export const RAKSHA_CONFIG = Symbol('RakshaConfig');
export const DB = Symbol('Db');
export const REDIS = Symbol('Redis');
export const TEMPORAL_CONNECTION = Symbol('TemporalConnection');
export const TEMPORAL_CLIENT = Symbol('TemporalClient');
