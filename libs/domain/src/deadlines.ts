/** A statutory deadline running on a case, as people see it: what is owed, by when, under which provision. */
export interface OpenDeadline {
  id: string;
  obligation: string;
  dueAt: string;
  citation: string;
}

/**
 * Which deadlines one step of a case met (by an event that fulfils them, late or on time), which ended without
 * being met (the case moved on: overdue or not by then), and which it started. Timeline entries recorded before `ended`
 * existed have none.
 */
export interface DeadlineChanges {
  met: { id: string; dueAt: string; late: boolean }[];
  ended: { id: string; dueAt: string; overdue: boolean }[];
  opened: { id: string; dueAt: string }[];
}

/**
 * When a case reached the milestones its record (lists, dashboards) shows, and whether a deadline was missed
 * on the way: ISO strings as the machine marks them, Dates as the read model stores them.
 */
export interface CaseMilestones<Time = string> {
  producedAt?: Time;
  productionLate?: boolean;
  sirSubmittedAt?: Time;
  sirLate?: boolean;
  restoredAt?: Time;
  closedAt?: Time;
}
