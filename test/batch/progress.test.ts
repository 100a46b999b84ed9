import { createProgress } from '../../src/batch/progress.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (s: string) => (chunks.push(s), true) } as unknown as NodeJS.WritableStream & { isTTY: boolean }, chunks };
}

describe('progress', () => {
  it('prints plain periodic lines with rate, ETA and failures when stderr is not a terminal', () => {
    let now = 0;
    const { stream, chunks } = sink(false);
    const p = createProgress({ stream, now: () => now, intervalMs: 1000 });
    p.start(10);
    for (let i = 0; i < 4; i++) {
      now += 400;
      p.tick({ status: i === 1 ? 'error' : 'ok' });
    }
    p.stop();
    expect(chunks).toEqual(['credence: 3/10 files (30%), 2.5 files/s, ETA 3s, 1 failed\n', 'credence: done: 4/10 files (40%), 2.5 files/s, 1 failed\n']);
  });

  it('says a run was interrupted', () => {
    const { stream, chunks } = sink(false);
    const p = createProgress({ stream, now: () => 1000 });
    p.start(3);
    p.stop(true);
    expect(chunks.join('')).toContain('interrupted after 0/3 files');
  });

  it('draws nothing with --quiet', () => {
    for (const tty of [true, false]) {
      const { stream, chunks } = sink(tty);
      const p = createProgress({ stream, quiet: true });
      p.start(2);
      p.tick({ status: 'ok' });
      p.stop();
      expect(chunks).toEqual([]);
    }
  });

  it('draws a bar with files done / total on a terminal', () => {
    const { stream, chunks } = sink(true);
    Object.assign(stream, { cursorTo: () => true, clearLine: () => true, moveCursor: () => true, columns: 120 });
    const p = createProgress({ stream });
    p.start(2);
    p.tick({ status: 'ok' });
    p.tick({ status: 'error' });
    p.stop();
    expect(chunks.join('')).toMatch(/2\/2 files .* files\/s \| ETA .* \| 1 failed/);
  });
});
