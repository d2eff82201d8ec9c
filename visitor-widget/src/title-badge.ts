/**
 * "(2) New messages – Shop" in the host page's tab title while the page is hidden, so a visitor in
 * another tab sees that the operator answered; the page's own title returns when it is visible.
 *
 * The host page may change its title meanwhile (single-page apps do). Before writing, the badge
 * checks that the title is still the one it wrote; if not, the page's new title becomes the one to
 * decorate and to restore, and a title the page set while badged is never overwritten on restore.
 */
export type TitleFormat = (count: number, title: string) => string;

export class TitleBadge {
  private count = 0;
  /** The page's own title while a badge is shown. */
  private original = "";
  /** What this badge last wrote into document.title. */
  private written: string | null = null;
  private readonly onVisibility = () => {
    if (this.doc.visibilityState !== "hidden") this.clear();
  };

  constructor(
    private readonly doc: Document,
    private readonly format: TitleFormat,
  ) {
    doc.addEventListener("visibilitychange", this.onVisibility);
  }

  /** Counts a new message in the title if the page is hidden; does nothing while it is visible. */
  add(): void {
    if (this.doc.visibilityState !== "hidden") return;
    if (this.written === null || this.doc.title !== this.written) this.original = this.doc.title;
    this.count += 1;
    this.written = this.format(this.count, this.original);
    this.doc.title = this.written;
  }

  /** Puts the page's own title back (unless the page replaced the badge with a title of its own). */
  clear(): void {
    if (this.written !== null && this.doc.title === this.written) this.doc.title = this.original;
    this.written = null;
    this.count = 0;
  }

  /** Restores the title and stops listening (the widget is being removed). */
  stop(): void {
    this.clear();
    this.doc.removeEventListener("visibilitychange", this.onVisibility);
  }
}
