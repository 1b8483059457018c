// One step at a time: a workflow's Update handlers and its own loop take turns on the state they share.
import { condition } from '@temporalio/workflow';

/** A mutex built on `condition`, so a waiting handler costs no command. */
export class WorkflowLock {
  #held = false;
  #released = 0;

  /** `ready`: the lock is closed until it holds (the case waits for its registration step). */
  constructor(private readonly ready: () => boolean = () => true) {}

  /** True while a step runs: an escalation being raised is on record before it is in memory. */
  get held(): boolean {
    return this.#held;
  }

  /** How many steps have finished, so a waiting loop knows something changed. */
  get released(): number {
    return this.#released;
  }

  async runExclusive<T>(body: () => Promise<T>): Promise<T> {
    // Check and take the lock in one synchronous turn: two handlers woken together must not both pass.
    while (!(this.ready() && !this.#held)) await condition(() => this.ready() && !this.#held);
    this.#held = true;
    try {
      return await body();
    } finally {
      this.#held = false;
      this.#released += 1;
    }
  }
}
