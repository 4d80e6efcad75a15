import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MeasureDraftSaver, SAVE_AFTER_MS, type MeasureDraftState } from './measure-draft';

/** A save the test answers when it chooses. */
function deferredSaves() {
  const calls: { answers: (number | null)[]; resolve: () => void; reject: (error: Error) => void }[] = [];
  const save = (answers: (number | null)[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ answers, resolve, reject });
    });
  return { calls, save };
}

describe('keeping a measure’s draft', () => {
  let states: MeasureDraftState['status'][];
  beforeEach(() => {
    vi.useFakeTimers();
    states = [];
  });
  afterEach(() => vi.useRealTimers());

  it('sends once, the newest answers, after the choices pause', async () => {
    const { calls, save } = deferredSaves();
    const saver = new MeasureDraftSaver({ save, onChange: (state) => states.push(state.status) });
    saver.change([1, null, null]);
    saver.change([1, 2, null]);
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((call) => call.answers)).toEqual([[1, 2, null]]);
    calls[0]!.resolve();
    await vi.runAllTimersAsync();
    expect(states).toEqual(['saving', 'saved']);
    expect(saver.state.savedAt).not.toBeNull();
  });

  it('never sends two at once: a change while one is on its way goes after it, so an older copy cannot land last', async () => {
    const { calls, save } = deferredSaves();
    const saver = new MeasureDraftSaver({ save, onChange: () => undefined });
    saver.change([1]);
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    saver.change([1, 3]);
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((call) => call.answers)).toEqual([[1], [1, 3]]);
    calls[1]!.resolve();
    await vi.runAllTimersAsync();
    expect(saver.state.status).toBe('saved');
  });

  it('says when a save failed, and sends the same answers again when asked', async () => {
    const { calls, save } = deferredSaves();
    const saver = new MeasureDraftSaver({ save, onChange: () => undefined });
    const first = saver.saveNow([0, 0]);
    calls[0]!.reject(new Error('offline'));
    expect(await first).toBe(false);
    expect(saver.state.status).toBe('failed');
    const again = saver.saveNow();
    expect(calls.map((call) => call.answers)).toEqual([[0, 0], [0, 0]]);
    calls[1]!.resolve();
    expect(await again).toBe(true);
    expect(saver.state.status).toBe('saved');
  });

  it('sends a change not yet sent when the page closes, and nothing once the measure is being submitted', async () => {
    const { calls, save } = deferredSaves();
    const saver = new MeasureDraftSaver({ save, onChange: () => undefined });
    saver.change([2]);
    saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((call) => call.answers)).toEqual([[2]]);

    // Submitting waits for the save on its way, then nothing more is sent.
    let finished = false;
    const finishing = saver.finish().then(() => (finished = true));
    saver.change([2, 1]);
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    expect(finished).toBe(false);
    calls[0]!.resolve();
    await finishing;
    saver.flush();
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(1);
  });
});
