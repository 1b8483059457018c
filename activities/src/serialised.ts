/** A record as it crosses the workflow boundary: every Date an ISO string, arrays as they are. */
export type Serialised<T> = { [K in keyof T]: SerialisedValue<T[K]> };
type SerialisedValue<V> = V extends Date ? string : V extends readonly unknown[] ? V : V extends object ? Serialised<V> : V;
