import { describe, expect, it } from "vitest";
import { Entity } from "electrodb";
import { entities } from "./entities";

describe("entity models", () => {
  // The deployed functions leave ElectroDB's model check out (functions/src/shims/jsonschema.ts):
  // this is where the models are checked, with the real validator.
  it.each(Object.entries(entities))("%s passes ElectroDB's model check", (_, entity) => {
    expect(() => new Entity(entity.schema, { table: "model-check" })).not.toThrow();
  });

  it("the check is real: a broken model is refused", () => {
    const broken = { ...entities.household.schema, attributes: { name: { type: "no-such-type" } } };
    expect(() => new Entity(broken as never, { table: "model-check" })).toThrow(/Invalid|attribute|type/i);
  });
});
