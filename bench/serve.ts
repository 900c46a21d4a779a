import { join } from "node:path";
import { readStats } from "@akker/core/batch-get";
import { Workday } from "@akker/core/workday/workday";
import { startLocalServer } from "../functions/src/local/server";
import { recordWrites } from "./write-floor";

/*
 * The local server in its own process, over a given DynamoDB Local and
 * table, so a bench's load generator does not share its event loop.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench";
const root = new URL("..", import.meta.url).pathname;
const server = await startLocalServer({
  port: Number(process.env.PORT),
  endpoint: process.env.DYNAMO_ENDPOINT!,
  tableName: process.env.TABLE_NAME!,
  webDir: join(root, "web/dist"),
  hostname: "127.0.0.1",
});
const writes = recordWrites();
console.log(`ready ${server.url}`);
// A bench asks over IPC for counters only the server process knows, and the write calls requests made since it last asked.
process.on("message", (m) => {
  if (m === "stats") process.send?.({ workdayRetries: Workday.stats.retries, reads: { ...readStats } });
  if (m === "writes") process.send?.({ writes: writes.take() });
});
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
