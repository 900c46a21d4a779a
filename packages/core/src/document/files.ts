import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

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

  export function diskStore(dir: string): Store {
    const path = (key: string) => {
      if (key.split("/").some((part) => part === "" || part === "." || part === "..")) throw new Error(`Bad document key ${key}`);
      return join(dir, key);
    };
    return {
      async put(key, bytes) {
        mkdirSync(dirname(path(key)), { recursive: true });
        writeFileSync(path(key), bytes);
      },
      async remove(key) {
        rmSync(path(key), { force: true });
      },
      async read(key) {
        return { bytes: new Uint8Array(readFileSync(path(key))) };
      },
    };
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
