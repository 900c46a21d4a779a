import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { openapiDocument } from "../../functions/src/api/openapi";
import type { createApp } from "../../functions/src/api/app";

type Doc = ReturnType<typeof openapiDocument>;
type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };

/*
 * Every answer the API tests get is held to what the OpenAPI document
 * declares for its route and status, as a client generated from the
 * document would hold it: an undeclared field, a JSON answer where none is
 * declared or a download of another media type fails the test that got it.
 */

const contracts = new WeakMap<object, (method: string, path: string, status: number, type: string, body: unknown) => void>();

function routeMatcher(doc: Doc) {
  const routes = Object.entries(doc.paths).map(([template, ops]) => ({
    template,
    ops: ops as Record<string, Operation>,
    pattern: new RegExp("^" + template.replace(/\{[A-Za-z]+\}/g, "[^/]+").replace(/\./g, "\\.") + "$"),
    // a literal segment is a closer match than a parameter (`/applications/offers` before `/applications/{id}`)
    literals: template.split("/").filter((s) => !s.startsWith("{")).length,
  }));
  routes.sort((a, b) => b.literals - a.literals);
  return (path: string) => routes.find((r) => r.pattern.test(path));
}

function contractOf(app: ReturnType<typeof createApp>) {
  let check = contracts.get(app);
  if (check) return check;
  const doc = openapiDocument(app);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(doc.components.schemas.Error, "#/components/schemas/Error");
  const compiled = new Map<unknown, ValidateFunction>();
  const match = routeMatcher(doc);
  check = (method, path, status, type, body) => {
    const route = match(path.split("?")[0]!);
    const op = route?.ops[method.toLowerCase()];
    if (!route || !op) return; // a 404 or 405 of no route: the error model's own tests cover it
    const where = `${method} ${route.template} ${status}`;
    const answer = op.responses[String(status)] ?? (status >= 400 ? op.responses.default : undefined);
    if (!answer) throw new Error(`${where}: status not declared`);
    const media = type.split(";")[0]!.trim();
    if (!media) return;
    const content = answer.content?.[media];
    if (!content) throw new Error(`${where}: ${media} not declared (${Object.keys(answer.content ?? {}).join(", ") || "no body"})`);
    if (media !== "application/json") return;
    let validate = compiled.get(content.schema);
    if (!validate) compiled.set(content.schema, (validate = ajv.compile(content.schema as object)));
    if (!validate(body)) throw new Error(`${where}: answer differs from its schema: ${JSON.stringify(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
  };
  contracts.set(app, check);
  return check;
}

/** Fails when an answer is not as the OpenAPI document declares it. */
export function checkAnswer(app: ReturnType<typeof createApp>, method: string, path: string, res: Response, body: unknown) {
  contractOf(app)(method, path, res.status, res.headers.get("content-type") ?? "", body);
}
