import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/*
 * Where uploaded files live: deployed an S3 bucket served by CloudFront at
 * /media/* (infra/storage.ts, infra/web.ts; the store in media-s3.ts), locally
 * a folder the local server serves at the same path (.data/media in
 * `npm start`, a temporary one in tests). Keys start with the farm.
 */
export namespace Media {
  /** Keeps and removes files by key; what serves them is CloudFront or the local server. */
  export interface Store {
    put(key: string, bytes: Uint8Array, type: string): Promise<void>;
    remove(key: string): Promise<void>;
    /** The folder a local store writes to, which the local server serves. */
    dir?: string;
  }

  /** A folder on this machine. */
  /** A key's file under `dir`; a key that would leave it is refused. */
  export function diskPath(dir: string, key: string) {
    if (key.split("/").some((part) => part === "" || part === "." || part === "..")) throw new Error(`Bad file key ${key}`);
    return join(dir, key);
  }

  export function diskStore(dir: string): Store {
    mkdirSync(dir, { recursive: true });
    const path = (key: string) => diskPath(dir, key);
    return {
      dir,
      async put(key, bytes) {
        mkdirSync(dirname(path(key)), { recursive: true });
        writeFileSync(path(key), bytes);
      },
      async remove(key) {
        rmSync(path(key), { force: true });
      },
    };
  }

  let store: Store | undefined;

  export function useStore(s: Store) {
    store = s;
  }

  /** The store in use; without one set (tests), a temporary folder. */
  export function current(): Store {
    store ??= diskStore(mkdtempSync(join(tmpdir(), "akker-media-")));
    return store;
  }

  /** The path a stored file is served at, on the site's own origin. */
  export function url(key: string) {
    return `/media/${key}`;
  }
}
