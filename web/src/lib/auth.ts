import { loggedInNow, request } from "./api";
import type { MeInfo } from "./person";

/* Logging in with a mailed code, and out. */

export const authApi = {
  /** 202 whether or not the address is known. */
  requestCode: (email: string) => request<void>("POST", "/auth/code", { email }),
  verify: (email: string, code: string) =>
    request<{ me: MeInfo }>("POST", "/auth/verify", { email, code }).then((r) => {
      loggedInNow();
      return r.me;
    }),
  logout: () => request<void>("POST", "/auth/logout"),
};

/** Where to go after logging in: only a path on this site, never another origin. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next.startsWith("/login") ? "/" : next;
}
