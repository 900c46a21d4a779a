import { afterEach, describe, expect, it, vi } from "vitest";
import type { SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { Mail } from "@akker/core/mail/mail";
import { logger } from "../log";
import { createMailConsumer } from "./mail";

const message = (n: number): Mail.Message => ({
  farmID: "farm_a",
  messageID: `message_0${n}`,
  to: `lid00${n}@example.nl`,
  subject: `Je inlogcode voor De Akker: 48213${n}`,
  text: `Je inlogcode is: 48213${n}`,
  locale: "nl",
  sentAt: "2025-06-01T04:00:00.000Z",
});
const record = (id: string, body: unknown) => ({
  messageId: id,
  body: typeof body === "string" ? body : JSON.stringify(body),
});

afterEach(() => vi.restoreAllMocks());

describe("mail consumer", () => {
  it("sends each message as UTF-8 plain text from the configured sender", async () => {
    const sent: SendEmailCommand[] = [];
    const consume = createMailConsumer({ from: "noreply@akker.example.nl", send: async (c) => void sent.push(c) });
    const res = await consume({ Records: [record("q1", message(1)), record("q2", message(2))] });
    expect(res).toEqual({ batchItemFailures: [] });
    expect(sent.map((c) => c.input)).toEqual([1, 2].map((n) => ({
      FromEmailAddress: "noreply@akker.example.nl",
      Destination: { ToAddresses: [`lid00${n}@example.nl`] },
      Content: {
        Simple: {
          Subject: { Data: `Je inlogcode voor De Akker: 48213${n}`, Charset: "UTF-8" },
          Body: { Text: { Data: `Je inlogcode is: 48213${n}`, Charset: "UTF-8" } },
        },
      },
    })));
  });

  it("returns only the failed records to the queue and sends the rest", async () => {
    const sent: string[] = [];
    const consume = createMailConsumer({
      from: "noreply@akker.example.nl",
      send: async (c) => {
        const to = c.input.Destination!.ToAddresses![0]!;
        if (to === "lid002@example.nl") throw Object.assign(new Error("Rate exceeded"), { name: "TooManyRequestsException" });
        sent.push(to);
      },
    });
    const res = await consume({
      Records: [
        record("q1", message(1)),
        record("q2", message(2)),
        record("q3", "not json"),
        record("q4", { ...message(4), locale: "de" }),
        record("q5", message(5)),
      ],
    });
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: "q2" }, { itemIdentifier: "q3" }, { itemIdentifier: "q4" }]);
    expect(sent).toEqual(["lid001@example.nl", "lid005@example.nl"]);
  });

  it("logs message IDs, never the address, subject or text", async () => {
    const lines: unknown[] = [];
    vi.spyOn(logger, "info").mockImplementation((...args: unknown[]) => void lines.push(args));
    vi.spyOn(logger, "error").mockImplementation((...args: unknown[]) => void lines.push(args));
    const consume = createMailConsumer({
      from: "noreply@akker.example.nl",
      send: async (c) => {
        const to = c.input.Destination!.ToAddresses![0]!;
        if (to === "lid002@example.nl")
          throw Object.assign(
            new Error(`Email address is not verified. The following identities failed the check in region EU-WEST-1: ${to}, noreply@akker.example.nl`),
            { name: "MessageRejected" },
          );
      },
    });
    await consume({ Records: [record("q1", message(1)), record("q2", message(2))] });
    const logged = JSON.stringify(lines);
    expect(logged).toContain("message_01");
    expect(logged).toContain("message_02");
    expect(logged).toContain("MessageRejected: Email address is not verified.");
    expect(logged).not.toMatch(/48213|inlogcode|example\.nl/);
  });
});
