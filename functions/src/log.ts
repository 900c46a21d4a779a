import { Logger } from "@aws-lambda-powertools/logger";

/**
 * Structured JSON logs, in Lambda and locally. Never log bodies, cookies,
 * codes or tokens: only what a request was and how it ended.
 */
export const logger = new Logger({ serviceName: "akker" });
