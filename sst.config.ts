import type { SSTConfig } from "sst";
import { Api } from "./infra/api";
import { Email } from "./infra/email";
import { Jobs } from "./infra/jobs";
import { Storage } from "./infra/storage";
import { Web } from "./infra/web";

export default {
  config(input) {
    return { name: "akker", region: input.region ?? "eu-west-1" };
  },
  stacks(app) {
    app.setDefaultFunctionProps({ runtime: "nodejs22.x", architecture: "arm_64", tracing: "disabled" });
    if (app.stage === "prod") app.setDefaultRemovalPolicy("retain");
    app.stack(Storage).stack(Email).stack(Jobs).stack(Api).stack(Web);
  },
} satisfies SSTConfig;
