/**
 * The messages of the current conversation, in server order.
 *
 * The server numbers messages per conversation (`seq` from 1) and may send a message again after a
 * reconnect, so entries are keyed by seq and a repeat is ignored. The visitor's own message is shown
 * at once as `pending`; the server's echo (same text, from `visitor`) confirms the oldest pending
 * entry with that text instead of adding a second bubble.
 */
import type { ChatTextMessage, MessageSender } from "./protocol";

export type EntryStatus = "pending" | "sent" | "failed";

export interface Entry {
  /** Stable identity for the view; does not change when a pending entry is confirmed. */
  readonly key: string;
  seq: number | null;
  from: MessageSender;
  text: string;
  /** ms since the epoch: the server's `ts` once known, the local send time while pending. */
  ts: number;
  operator?: string;
  status: EntryStatus;
}

export type ApplyResult = { entry: Entry; added: boolean; confirmed: boolean } | null;

export class Transcript {
  private list: Entry[] = [];
  private keyCounter = 0;
  private conversationId = 0;

  get conversation(): number {
    return this.conversationId;
  }

  get entries(): readonly Entry[] {
    return this.list;
  }

  /** Highest seq held; sent as `since` so the server only replays what is missing. */
  maxSeq(): number {
    let max = 0;
    for (const entry of this.list) if (entry.seq !== null && entry.seq > max) max = entry.seq;
    return max;
  }

  /**
   * Gives the entries a conversation number. Messages that start a conversation are sent (and may
   * even be echoed) before the server announces the number, so an unassigned transcript (0) keeps
   * everything it holds when it learns its number.
   */
  assign(conversation: number): void {
    if (conversation === this.conversationId) return;
    if (this.conversationId !== 0) {
      // Another conversation: its confirmed messages are not ours. Unconfirmed ones are kept,
      // because they were written for whichever conversation the server opens next.
      this.list = this.list.filter((entry) => entry.status !== "sent");
    }
    this.conversationId = conversation;
  }

  /** Forgets everything ("start a new chat"); the next conversation is not known yet. */
  clear(): void {
    this.conversationId = 0;
    this.list = [];
  }

  /** Adds the visitor's own message before the server has stored it. */
  addPending(text: string, now: number): Entry {
    const entry: Entry = { key: this.nextKey(), seq: null, from: "visitor", text, ts: now, status: "pending" };
    this.list.push(entry);
    return entry;
  }

  /** Applies a server `msg`; returns null for a repeat of a seq already held. */
  apply(message: ChatTextMessage): ApplyResult {
    if (this.list.some((entry) => entry.seq === message.seq)) return null;
    if (message.from === "visitor") {
      const pending = this.list.find((entry) => entry.seq === null && entry.text === message.text);
      if (pending) {
        pending.seq = message.seq;
        pending.ts = message.ts || pending.ts;
        pending.status = "sent";
        this.sort();
        return { entry: pending, added: false, confirmed: true };
      }
    }
    const entry: Entry = {
      key: this.nextKey(),
      seq: message.seq,
      from: message.from,
      text: message.text,
      ts: message.ts,
      operator: message.operator,
      status: "sent",
    };
    this.list.push(entry);
    this.sort();
    return { entry, added: true, confirmed: false };
  }

  /** Marks the oldest pending message as not sent (the server refused it). */
  failOldestPending(): Entry | null {
    const entry = this.list.find((candidate) => candidate.status === "pending") ?? null;
    if (entry) entry.status = "failed";
    return entry;
  }

  /** Puts a failed message back to pending for a retry; returns it, or null if `key` is unknown. */
  retry(key: string): Entry | null {
    const entry = this.list.find((candidate) => candidate.key === key && candidate.status === "failed") ?? null;
    if (!entry) return null;
    entry.status = "pending";
    // A retried message goes to the end, where the server will place it.
    this.list = this.list.filter((candidate) => candidate !== entry);
    this.list.push(entry);
    return entry;
  }

  private nextKey(): string {
    this.keyCounter += 1;
    return `m${this.keyCounter}`;
  }

  /** Stored messages by seq, then unconfirmed ones in the order they were written. */
  private sort(): void {
    const stored = this.list.filter((entry) => entry.seq !== null).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    const local = this.list.filter((entry) => entry.seq === null);
    this.list = [...stored, ...local];
  }
}
