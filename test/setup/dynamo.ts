import type { TestProject } from "vitest/node";
import { startDynamoLocal } from "../../functions/src/local/dynamo-local";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** One DynamoDB Local (in memory) for the whole run; test files make their own tables. */
export default async function setup(project: TestProject) {
  const ddb = await startDynamoLocal();
  project.provide("dynamoEndpoint", ddb.endpoint);
  return () => ddb.stop();
}
