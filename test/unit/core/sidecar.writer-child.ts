// Child process for the sidecar kill test: saves two large sidecar versions in turn until it is killed.
import * as path from 'path';
import { SidecarStore, nodeFileSystem } from '../../../src/core/sidecar/store';
import { Sidecar, createAnnotation, emptySidecar } from '../../../src/core/sidecar/schema';

/** A sidecar of `count` annotations whose notes all say `marker`, so the parent can tell versions apart. */
export function bigSidecar(marker: string, count: number): Sidecar {
  const text = 'word '.repeat(count * 2 + 10);
  const sidecar = emptySidecar('big.txt', text);
  for (let i = 0; i < count; i++) {
    let id = '';
    for (let n = i, k = 0; k < 10; k++, n = Math.floor(n / 32)) id = 'abcdefghijklmnopqrstuvwxyz234567'[n % 32] + id;
    id = 'a-' + id;
    sidecar.annotations.push(
      createAnnotation(
        text,
        { start: i * 10, end: i * 10 + 4, tag: 'person', note: `${marker} ${'x'.repeat(40)}` },
        new Date(0),
        id,
      ),
    );
  }
  return sidecar;
}

async function main(): Promise<void> {
  const [dir, countArg] = process.argv.slice(2);
  const count = Number(countArg);
  // A killed predecessor leaves its lock behind: treat it as stale quickly.
  const store = new SidecarStore({ fs: nodeFileSystem(), workspaceRoot: dir, staleLockMs: 200 });
  const target = path.join(dir, 'big.txt.annotations.yaml');
  const versions = [bigSidecar('old', count), bigSidecar('new', count)];
  for (let i = 0; ; i++) {
    const result = await store.save(target, versions[i % 2]);
    if (!result.ok) throw new Error(result.error.message);
    if (i === 0) process.send?.('saved');
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
