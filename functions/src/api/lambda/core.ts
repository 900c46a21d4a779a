import { Auth } from "@akker/core/auth/auth";
import { DocumentFiles } from "@akker/core/document/files";
import { s3DocumentStore } from "@akker/core/document/files-s3";
import { Media } from "@akker/core/news/media";
import { s3Store } from "@akker/core/news/media-s3";
import { useMailQueue } from "../../mail-queue";
import { sstSecret } from "../../sst-secret";
import { coreRoutes } from "../routes/core";
import { domainRoutes } from "../shell";
import { lambdaHandler } from "./handler";

/*
 * AUTH_SECRET is an SST secret bound to this function only, read from SSM
 * the first time a login code is made or checked (functions/src/sst-secret.ts);
 * the SQS client for mail also loads on first use. A cold start for a page
 * view pays for neither. Tests set process.env.AUTH_SECRET themselves.
 */
Auth.useSecretSource(() => process.env.AUTH_SECRET ?? sstSecret("AUTH_SECRET"));
useMailQueue();
// news photos go to the media bucket (infra/storage.ts) under media/, read back through the API only
if (process.env.MEDIA_BUCKET) Media.useStore(s3Store(process.env.MEDIA_BUCKET));
// the library's files, in the same bucket under documents/ (never served by CloudFront)
if (process.env.MEDIA_BUCKET) DocumentFiles.useStore(s3DocumentStore(process.env.MEDIA_BUCKET));

export const routes = domainRoutes("core", coreRoutes);
export const handler = lambdaHandler(routes);
