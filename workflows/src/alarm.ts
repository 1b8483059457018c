// The case's one deadline timer: it sleeps until the next rung or consequence falls due, and stays
// armed across steps that leave that time unchanged (a step's re-plan costs no timer command).
import { CancellationScope, condition, sleep } from '@temporalio/workflow';

export class DeadlineAlarm {
  #armed: { at: number; scope: CancellationScope; rang: boolean } | undefined;

  /** True if `changed` came true first (re-plan), false once `wakeAt` is reached (act). */
  async sleepUntilDueOrChanged(wakeAt: number, changed: () => boolean): Promise<boolean> {
    if (this.#armed && this.#armed.at !== wakeAt) {
      this.#armed.scope.cancel();
      this.#armed = undefined;
    }
    if (wakeAt <= Date.now()) return false;
    if (wakeAt !== Infinity && !this.#armed) {
      const armed = { at: wakeAt, scope: new CancellationScope(), rang: false };
      armed.scope.run(() => sleep(wakeAt - Date.now())).then(
        () => {
          armed.rang = true;
        },
        () => undefined, // cancelled: the wake-up time moved
      );
      this.#armed = armed;
    }
    const armed = this.#armed;
    await condition(() => changed() || armed?.rang === true);
    if (armed?.rang) this.#armed = undefined;
    return changed();
  }
}
