import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Media } from "../news/media";

/*
 * Where the library's files are kept. Never under /media, which CloudFront
 * serves to anyone with the link: a board-only document is read through the
 * API, which checks who asks. Deployed, the media bucket under `documents/`
 * (files-s3.ts); locally a folder (.data/documents in `npm start`, a
 * temporary one in tests).
 */
export namespace DocumentFiles {
  export interface Store {
    put(key: string, bytes: Uint8Array, type: string): Promise<void>;
    remove(key: string): Promise<void>;
    /** The bytes, or where to fetch them for a short while (a signed link). */
    read(key: string, name: string, type: string): Promise<{ bytes: Uint8Array } | { url: string }>;
  }

  /** A folder on this machine: the media store's, which can also read. */
  export function diskStore(dir: string): Store {
    const { put, remove } = Media.diskStore(dir);
    return { put, remove, read: async (key) => ({ bytes: new Uint8Array(readFileSync(Media.diskPath(dir, key))) }) };
  }

  let store: Store | undefined;

  export function useStore(s: Store) {
    store = s;
  }

  /** The store in use; without one set (tests), a temporary folder. */
  export function current(): Store {
    store ??= diskStore(mkdtempSync(join(tmpdir(), "akker-documents-")));
    return store;
  }
}
