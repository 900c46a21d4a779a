import * as z from "zod/mini";
import { maxBody, maxParamLength, routesOf, type App } from "./route";

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  }),
});

function jsonSchema(schema: z.core.$ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
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
      responses[status] = r.schema
        ? { description: r.description, content: { "application/json": { schema: jsonSchema(r.schema, "output") } } }
        : { description: r.description };
    }
    const errors: Record<string, string> = { "400": "Invalid input", "500": "Internal error" };
    if (def.body || def.rawBody) errors["413"] = `Body larger than ${Math.round((def.maxBody ?? maxBody) / 1024)} kB`;
    if (def.access !== "public") {
      errors["401"] = "Not logged in";
      if (def.access !== "session") errors["403"] = "Not allowed for this role";
    }
    for (const [status, description] of Object.entries(errors))
      responses[status] ??= { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    (paths[path] ??= {})[def.method] = {
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
