import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint, debounced, latestWins } from './schedule';

describe('debounced', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs a burst of calls once, when they have rested for the interval', () => {
    const task = vi.fn();
    const d = debounced(task, 200);
    d.call();
    vi.advanceTimersByTime(150);
    d.call(); // restarts the wait
    vi.advanceTimersByTime(199);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('honours a call made after a run (the last position of a drag is never lost)', () => {
    const task = vi.fn();
    const d = debounced(task, 200);
    d.call();
    vi.advanceTimersByTime(200);
    d.call();
    vi.advanceTimersByTime(200);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('flush runs a pending call now, and nothing when none is pending', () => {
    const task = vi.fn();
    const d = debounced(task, 200);
    d.flush();
    expect(task).not.toHaveBeenCalled();
    d.call();
    d.flush();
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(task).toHaveBeenCalledTimes(1);
  });
});

describe('debounced cancel and pending', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pending while a call waits; cancel forgets it', () => {
    const task = vi.fn();
    const d = debounced(task, 100);
    expect(d.pending()).toBe(false);
    d.call();
    expect(d.pending()).toBe(true);
    d.cancel();
    expect(d.pending()).toBe(false);
    vi.advanceTimersByTime(200);
    d.flush();
    expect(task).not.toHaveBeenCalled();
    d.call();
    vi.advanceTimersByTime(100);
    expect(task).toHaveBeenCalledTimes(1);
    expect(d.pending()).toBe(false);
  });
});

describe('afterPaint', () => {
  let frames: Array<() => void> = [];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  const paint = () => frames.splice(0).forEach((f) => f());

  it('runs once after the next frame, however many calls came before it', () => {
    const task = vi.fn();
    const schedule = afterPaint(task);
    schedule();
    schedule();
    vi.advanceTimersByTime(0);
    expect(task).not.toHaveBeenCalled(); // not before the frame
    paint();
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1); // the fallback timer was cleared
  });

  it('runs after latestMs when no frame comes (a background tab)', () => {
    const task = vi.fn();
    afterPaint(task, 250)();
    vi.advanceTimersByTime(249);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    paint();
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1); // the late frame does not run it twice
  });
});

describe('latestWins', () => {
  it('one run at a time; asks during a run fold into one more run, which is told the first was overtaken', async () => {
    const releases: Array<() => void> = [];
    const seen: boolean[] = [];
    const runs = latestWins(async (overtaken) => {
      await new Promise<void>((r) => releases.push(r));
      seen.push(overtaken());
    });
    runs.request();
    runs.request();
    runs.request();
    expect(releases).toHaveLength(1);
    releases[0]!();
    await Promise.resolve();
    await Promise.resolve();
    // the first run ended while two asks waited: stale, and exactly one more run started
    expect(seen).toEqual([true]);
    expect(releases).toHaveLength(2);
    releases[1]!();
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toEqual([true, false]);
    expect(releases).toHaveLength(2);
  });

  it('an ask dropped while a run is out does not run after it', async () => {
    const releases: Array<() => void> = [];
    const runs = latestWins(() => new Promise<void>((r) => releases.push(r)));
    runs.request();
    runs.request();
    runs.drop();
    releases[0]!();
    await Promise.resolve();
    await Promise.resolve();
    expect(releases).toHaveLength(1);
  });
});
