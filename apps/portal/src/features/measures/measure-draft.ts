export type MeasureDraftStatus = 'idle' | 'saving' | 'saved' | 'failed';

export interface MeasureDraftState {
  status: MeasureDraftStatus;
  /** When the server last confirmed a save (ms). */
  savedAt: number | null;
}

/** How long after the last answer is chosen the draft is sent. */
export const SAVE_AFTER_MS = 800;

interface Options {
  /** Sends the answers so far (the `saveMeasureDraft` mutation). */
  save: (answers: (number | null)[]) => Promise<unknown>;
  onChange: (state: MeasureDraftState) => void;
  now?: () => number;
}

/**
 * A measure's answers kept on the server as the client goes: sent shortly after a change, or at once when
 * asked ("Keep this for later", leaving the page). One save at a time, always the newest answers, so an
 * older copy can never land after a newer one. Answers stay only on the server, never on the device.
 * A plain object, so the order of saves can be tested without a browser.
 */
export class MeasureDraftSaver {
  state: MeasureDraftState = { status: 'idle', savedAt: null };
  private latest: (number | null)[] | null = null;
  private sentLatest = true;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: Options) {
    this.now = options.now ?? Date.now;
  }

  /** An answer changed: keep it shortly. */
  change(answers: (number | null)[]) {
    if (this.closed) return;
    this.latest = answers;
    this.sentLatest = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(), SAVE_AFTER_MS);
  }

  /** Keep the newest answers now; resolves true once the server has them. */
  async saveNow(answers?: (number | null)[]): Promise<boolean> {
    clearTimeout(this.timer);
    if (answers) {
      this.latest = answers;
      this.sentLatest = false;
    }
    // A save on its way finishes first; then the newest answers go, if they are not there yet.
    while (this.running) await this.running;
    if (this.closed || this.latest === null) return !this.closed && this.sentLatest;
    if (this.sentLatest) return this.state.status === 'saved';
    const sending = this.latest;
    this.sentLatest = true;
    let kept = false;
    this.update({ status: 'saving' });
    this.running = (async () => {
      try {
        await this.options.save(sending);
        kept = true;
        if (!this.closed) this.update({ status: this.sentLatest ? 'saved' : 'saving', savedAt: this.now() });
      } catch {
        // Not kept: the next change, or the button, tries again with the newest answers.
        if (this.latest === sending) this.sentLatest = false;
        if (!this.closed) this.update({ status: 'failed' });
      }
    })();
    await this.running;
    this.running = null;
    return kept;
  }

  /** Leaving the page: a change not sent yet goes now. */
  flush() {
    if (!this.closed && !this.sentLatest) void this.saveNow();
  }

  /** The measure is being submitted: stop keeping drafts, and let a save on its way land first (submitting clears the draft). */
  async finish() {
    this.closed = true;
    clearTimeout(this.timer);
    while (this.running) await this.running;
  }

  /** Submitting failed: keep saving as before. */
  reopen() {
    this.closed = false;
  }

  private update(changes: Partial<MeasureDraftState>) {
    this.state = { ...this.state, ...changes };
    this.options.onChange(this.state);
  }
}
