/*
 * The cost bench's prices and usage model (bench/cost.ts, docs/cost.md):
 * every price and assumption is a named constant here.
 */

// ---------------------------------------------------------------------------
// Prices: AWS list prices, eu-west-1 (Ireland), on demand, in USD, from the
// pages named, written down on `asOf` (not read live: check them again).
// ---------------------------------------------------------------------------

export const prices = {
  region: "eu-west-1",
  asOf: "2026-11-23",
  /** ECB reference rate, rounded; change it here. */
  eurPerUsd: 0.86,
  /** https://aws.amazon.com/lambda/pricing/ — Arm (Graviton2), first tier. INIT is billed as duration since 1 Aug 2025. */
  lambda: { gbSecondArm: 0.0000133334, perMillionRequests: 0.2 },
  /**
   * https://aws.amazon.com/dynamodb/pricing/on-demand/ — Standard table class. Throughput
   * was halved on 1 Nov 2024 (from $1.4135 / $0.283 per million WRU / RRU in eu-west-1).
   */
  dynamodb: { perMillionWRU: 0.7068, perMillionRRU: 0.1415, storageGbMonth: 0.283, pitrGbMonth: 0.22 },
  /** https://aws.amazon.com/cloudfront/pricing/ — Europe: data transfer out (first 10 TB), HTTPS requests; CloudFront Functions. */
  cloudfront: { perGbOut: 0.085, per10kHttps: 0.012, perMillionFunctions: 0.1 },
  /** https://aws.amazon.com/sqs/pricing/ — standard queue, per million requests (64 KB chunks). */
  sqs: { perMillionRequests: 0.4 },
  /** https://aws.amazon.com/cloudwatch/pricing/ — Logs, standard class: ingestion and storage. */
  logs: { perGbIngested: 0.57, storageGbMonth: 0.03 },
  /** https://aws.amazon.com/secrets-manager/pricing/ */
  secretsManager: { perSecretMonth: 0.4, per10kCalls: 0.05 },
  /** https://aws.amazon.com/systems-manager/pricing/ — standard parameters and standard throughput cost nothing; a SecureString is decrypted by KMS. */
  ssm: { standardParameter: 0 },
  /** https://aws.amazon.com/kms/pricing/ — requests to the AWS-managed aws/ssm key. */
  kms: { per10kRequests: 0.03 },
  /** https://aws.amazon.com/s3/pricing/ — S3 Standard. */
  s3: { storageGbMonth: 0.023, per1kGet: 0.0004, per1kPut: 0.005 },
  /** https://aws.amazon.com/ses/pricing/ — outbound mail; not in the totals ("before email"). */
  ses: { per1000Mails: 0.1 },
} as const;

/** The always-free tiers (per account and month), applied only in the "after free tier" column. */
export const freeTier = {
  lambdaRequests: 1_000_000,
  lambdaGbSeconds: 400_000,
  dynamodbStorageGb: 25,
  cloudfrontGbOut: 1024,
  cloudfrontRequests: 10_000_000,
  cloudfrontFunctions: 2_000_000,
  sqsRequests: 1_000_000,
  logsGb: 5,
  kmsRequests: 20_000,
} as const;

// ---------------------------------------------------------------------------
// The usage model: one farm of 200 households, a month.
// ---------------------------------------------------------------------------

export const households = 200;
export const weeksPerMonth = 52 / 12;
export const minutesPerMonth = (365.25 / 12) * 24 * 60;

export const assumptions = {
  /** Each household opens the app three times a week (the harvest, work days, news). */
  opensPerHouseholdPerWeek: 3,
  /** A session lasts 14 days idle and 90 at most; with two adults or two devices, one new login per household a month. */
  loginsPerHouseholdPerMonth: 1,
  /** The farmer enters the harvest twice and publishes it once a week. */
  harvestEditsPerWeek: 2,
  /** One household in ten opts out of a week. */
  optOutShare: 0.1,
  /** Two work days a week, ten sign-ups each; one in ten is cancelled; the coordinator looks at each roster twice. */
  workdaysPerWeek: 2,
  signupsPerWorkday: 10,
  cancelShare: 0.1,
  rosterViewsPerWorkday: 2,
  hoursReportsPerMonth: 40,
  /** Each household looks at its contribution statement every other month. */
  statementViewsPerHouseholdPerMonth: 0.5,
  /** The treasurer imports the bank statement once a month (a line per household), looks at the overview four times and makes the month's direct-debit file. */
  bankImportsPerMonth: 1,
  overviewsPerMonth: 4,
  sepaFilesPerMonth: 1,
  /** Two ALV votes a year, 70% turnout. */
  electionsPerYear: 2,
  turnout: 0.7,
  /** The scheduled jobs run every five minutes (infra/jobs.ts). */
  tickMinutes: 5,
  /** Each household downloads the whole web app once a month (a new release, a new phone); otherwise only index.html. */
  appDownloadsPerHouseholdPerMonth: 1,
  /** Lambda: 1024 MB (infra/api.ts; SST's default for the tick), and 400 ms INIT per cold start. */
  memoryGb: 1,
  initMs: 400,
  /** An idle instance lives about five minutes: a cold start for every app open, at most one per five minutes, and for every tick. */
  coldStartEveryMinutes: 5,
  /** START, END and REPORT lines Lambda writes per invocation, with CloudWatch's 26 bytes per event. */
  platformLogBytes: 3 * (110 + 26),
  /** The Lambda event source mapping long-polls the mail queue with 5 pollers, 20 s each, mail or not. */
  sqsPollsPerMonth: 5 * 3 * minutesPerMonth,
  /** Secrets: the origin secret in Secrets Manager (read by CloudFormation at deploy, not at run time); AUTH_SECRET in SSM. */
  secrets: 1,
  /** Years of history kept in the table, as a multiple of the measured demo farm. */
  storageMultiple: 10,
  /** Old web releases kept in the bucket, and deploys a month. */
  webCopies: 3,
  deploysPerMonth: 4,
  /**
   * CloudFront fetches index.html from S3 on every app open (it is not cached) and each
   * hashed asset once per edge location after a deploy.
   */
  edgeLocations: 10,
} as const;

