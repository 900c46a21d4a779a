import { checkAnswer } from "./contract";
import type { login, TestApp } from "./helpers";

/** Posts a bank file's bytes to the import as the browser's file upload does, and checks the answer against the contract. */
export async function uploadBankFile(app: TestApp, who: Awaited<ReturnType<typeof login>>, bytes: Uint8Array | string, type: string) {
  const res = await app.request("/api/payments/import", {
    method: "POST",
    headers: { origin: "http://localhost", cookie: who.cookie, "content-type": type, "x-forwarded-for": "10.1.0.1" },
    body: bytes,
  });
  const body = (await res.json()) as any;
  checkAnswer(app, "POST", "/api/payments/import", res, body);
  return { status: res.status, body };
}
