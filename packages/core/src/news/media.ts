import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/*
 * Where uploaded news photos live: deployed the media bucket under media/
 * (infra/storage.ts; the store in media-s3.ts), locally a folder (.data/media
 * in `npm start`, a temporary one in tests). Nothing serves them directly: the
 * API reads a photo for whoever may read its post (News.photo), so a board
 * post's photos stay the board's. Keys start with the farm.
 */
export namespace Media {
  /** Keeps, reads and removes files by key. */
  export interface Store {
    put(key: string, bytes: Uint8Array, type: string): Promise<void>;
    /** The file's bytes; undefined when there is none. */
    read(key: string): Promise<Uint8Array | undefined>;
    remove(key: string): Promise<void>;
    /** The folder a local store writes to. */
    dir?: string;
  }

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
      async read(key) {
        return existsSync(path(key)) ? new Uint8Array(readFileSync(path(key))) : undefined;
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
}
