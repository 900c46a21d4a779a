/**
 * Structured JSON logs, one line each on stdout, in Lambda and locally.
 * Never log bodies, cookies, codes or tokens: only what a request was and
 * how it ended. Locally only warnings and errors show, so `npm start` stays
 * readable. Our own few lines rather than a logging library: every Lambda
 * bundle carries it, and Powertools' logger was 24 kB of each.
 */
const levels = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, SILENT: 28 } as const;
type Level = keyof typeof levels;

function startLevel(): Level {
  const asked = (process.env.POWERTOOLS_LOG_LEVEL ?? "").toUpperCase();
  if (asked in levels) return asked as Level;
  return process.env.AWS_LAMBDA_FUNCTION_NAME ? "INFO" : "WARN";
}

let level: Level = startLevel();

function write(at: Exclude<Level, "SILENT">, message: string, attributes: Record<string, unknown> = {}) {
  if (levels[at] < levels[level]) return;
  const line = { level: at, message, timestamp: new Date().toISOString(), service: "akker", ...attributes };
  process.stdout.write(JSON.stringify(line) + "\n");
}

export const logger = {
  debug: (message: string, attributes?: Record<string, unknown>) => write("DEBUG", message, attributes),
  info: (message: string, attributes?: Record<string, unknown>) => write("INFO", message, attributes),
  warn: (message: string, attributes?: Record<string, unknown>) => write("WARN", message, attributes),
  error: (message: string, attributes?: Record<string, unknown>) => write("ERROR", message, attributes),
  setLogLevel(to: Level) {
    level = to;
  },
  getLevelName: (): Level => level,
};
