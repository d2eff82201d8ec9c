/** Timers a test advances by hand (CONVENTIONS.md, practice 4: time is injected). */
import type { Timers } from "../connection";

interface Pending {
  id: number;
  at: number;
  callback: () => void;
}

export class ManualTimers implements Timers {
  now = 0;
  private pending: Pending[] = [];
  private nextId = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ id, at: this.now + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }

  /** Delays of the timers still waiting, relative to now. */
  get delays(): number[] {
    return this.pending.map((timer) => timer.at - this.now);
  }

  /** Moves the clock forward, firing due timers in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.pending.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending = this.pending.filter((timer) => timer !== due);
      this.now = due.at;
      due.callback();
    }
    this.now = until;
  }
}
