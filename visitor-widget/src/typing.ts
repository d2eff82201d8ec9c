/**
 * Turns keystrokes into typing states for the operator: `composing` once when the visitor starts
 * typing, `paused` after a quiet period or when the message is sent. Sending a state per keystroke
 * would flood the operator link; this sends at most two per burst of typing.
 */
import type { Timers } from "./connection";
import type { VisitorTypingState } from "./protocol";

export const TYPING_IDLE_MS = 3000;

export class TypingNotifier {
  private composing = false;
  private timer: unknown = null;

  constructor(
    private readonly send: (state: VisitorTypingState) => void,
    private readonly timers: Timers,
    private readonly idleMs = TYPING_IDLE_MS,
  ) {}

  /** Call on every edit of the message box. */
  input(): void {
    if (!this.composing) {
      this.composing = true;
      this.send("composing");
    }
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => this.stop(), this.idleMs);
  }

  /** Call when the message is sent or the box is cleared: reports `paused` if typing was reported. */
  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (!this.composing) return;
    this.composing = false;
    this.send("paused");
  }

  /** Forgets the typing state without telling the operator (the chat is over). */
  reset(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.composing = false;
  }
}
