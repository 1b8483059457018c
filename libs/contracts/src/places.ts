// The places a user picks from (state, then district) instead of typing their codes.

export interface StatePlace {
  code: string;
  name: string;
  /** STATE or UT */
  kind: string;
}

export interface DistrictPlace {
  code: string;
  name: string;
}
