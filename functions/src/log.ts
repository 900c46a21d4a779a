import { Logger } from "@aws-lambda-powertools/logger";

/**
 * Structured JSON logs, in Lambda and locally. Never log bodies, cookies,
 * codes or tokens: only what a request was and how it ended. Locally only
 * warnings and errors show, so `npm start` stays readable.
 */
export const logger = new Logger({
  serviceName: "akker",
  logLevel: (process.env.POWERTOOLS_LOG_LEVEL ??
    (process.env.AWS_LAMBDA_FUNCTION_NAME ? "INFO" : "WARN")) as "INFO",
});
