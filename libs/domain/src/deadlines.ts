/** A statutory deadline running on a case, as people see it: what is owed, by when, under which provision. */
export interface OpenDeadline {
  id: string;
  obligation: string;
  dueAt: string;
  citation: string;
}
