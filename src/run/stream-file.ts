import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';

/**
 * A file written piece by piece (audit.json, SARIF, assembled from the spooled parts) that appears
 * only when complete: written under a temporary name, renamed on commit.
 */
export class AtomicStream {
  private readonly tmp: string;
  private stream: WriteStream | null = null;

  constructor(readonly file: string) {
    this.tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  }

  async open(): Promise<this> {
    await mkdir(path.dirname(this.file), { recursive: true });
    this.stream = createWriteStream(this.tmp, { encoding: 'utf8' });
    await once(this.stream, 'open');
    return this;
  }

  /** Write a piece, waiting when the stream's buffer is full so memory stays flat. */
  async write(chunk: string): Promise<void> {
    if (!this.stream) throw new Error('AtomicStream: not open');
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async commit(): Promise<void> {
    if (!this.stream) throw new Error('AtomicStream: not open');
    const s = this.stream;
    this.stream = null;
    await new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await rename(this.tmp, this.file);
  }

  async discard(): Promise<void> {
    this.stream?.destroy();
    this.stream = null;
    await rm(this.tmp, { force: true });
  }
}
