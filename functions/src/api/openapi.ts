import * as z from "zod/mini";
import { maxBody, maxParamLength, routesOf, type App } from "./route";

const ErrorBody = z.object({
  // besides code and message, the details some errors carry (retryAfterMinutes, lowestPercent, …)
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  }),
});

const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };

function jsonSchema(schema: z.core.$ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
}

/**
 * A route's name for generated clients, from its method and path:
 * `get /api/households/:id/statement` → `getHouseholdsByIdStatement`.
 */
function operationId(method: string, path: string) {
  const words = path
    .replace(/^\/api\//, "")
    .split(/[/.-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith(":") ? "By" + w.slice(1, 2).toUpperCase() + w.slice(2) : w[0]!.toUpperCase() + w.slice(1)));
  return method + words.join("");
}

/** OpenAPI 3.1, made from the routes' zod schemas and access declarations. */
export function openapiDocument(app: App) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { def } of routesOf(app)) {
    const path = def.path.replace(/:([A-Za-z]+)/g, "{$1}");
    const declared = (def.params ? jsonSchema(def.params, "input").properties ?? {} : {}) as Record<string, Record<string, unknown>>;
    const params = [...def.path.matchAll(/:([A-Za-z]+)/g)].map(([, name]) => ({
      name,
      in: "path",
      required: true,
      schema: !declared[name!] || declared[name!]!.type === "string" ? { type: "string", maxLength: maxParamLength, ...declared[name!] } : declared[name!],
    }));
    const queryParams = def.query
      ? Object.entries((jsonSchema(def.query, "input").properties ?? {}) as Record<string, unknown>).map(
          ([name, schema]) => ({ name, in: "query", required: false, schema }),
        )
      : [];
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(def.responses)) {
      const content = {
        ...(r.schema ? { "application/json": { schema: jsonSchema(r.schema, "output") } } : Number(status) >= 400 ? errorContent : {}),
        ...(r.download ? { [r.download]: { schema: { type: "string" } } } : {}),
      };
      responses[status] = Object.keys(content).length ? { description: r.description, content } : { description: r.description };
    }
    const errors: Record<string, string> = { "400": "Invalid input", "500": "Internal error" };
    if (def.body || def.rawBody) errors["413"] = `Body larger than ${Math.round((def.maxBody ?? maxBody) / 1024)} kB`;
    if (def.access !== "public") {
      errors["401"] = "Not logged in";
      if (def.access !== "session") errors["403"] = "Not allowed for this role";
    }
    // and any error core may answer besides (404 of another household's item, 409 of a rule, 429)
    errors.default = "Another error: its code says which";
    for (const [status, description] of Object.entries(errors)) responses[status] ??= { description, content: errorContent };
    (paths[path] ??= {})[def.method] = {
      operationId: operationId(def.method, def.path),
      summary: def.summary,
      tags: [def.tag],
      "x-auth": def.access,
      security: def.access === "public" ? [] : [{ session: [] }],
      parameters: [...params, ...queryParams],
      ...(def.body
        ? { requestBody: { required: !def.bodyOptional, content: { "application/json": { schema: jsonSchema(def.body, "input") } } } }
        : def.rawBody
          ? {
              requestBody: {
                required: true,
                content: Object.fromEntries(
                  Object.entries(def.rawBody).map(([type, schema]) => [type, { schema: jsonSchema(schema, "input") }]),
                ),
              },
            }
          : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Akker API",
      version: "1.0.0",
      description: "The platform of a Herenboeren farm cooperative: households, harvest, work days, elections, shares.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "akker_session" } },
      schemas: { Error: jsonSchema(ErrorBody, "output") },
    },
    paths,
  };
}
