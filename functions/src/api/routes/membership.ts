import * as z from "zod/mini";
import { Application } from "@akker/core/membership/application";
import { Certificate } from "@akker/core/membership/certificate";
import { Membership } from "@akker/core/membership/membership";
import { route, textParams, type App } from "../route";

const board = ["board"] as const;
const registerReaders = ["board", "treasurer"] as const;
const treasurer = ["treasurer"] as const;
const Detail = z.object({ certificate: Certificate.Detail });
const Accepted = z.object({
  application: z.object({ id: z.string(), status: z.literal("accepted") }),
  household: z.object({ id: z.string(), name: z.string() }),
  email: z.string(),
});
const Closed = z.object({ application: z.object({ id: z.string(), status: z.enum(Application.statuses) }) });

export function membershipRoutes(app: App) {
  certificateRoutes(app);
  waitlistRoutes(app);
}

function certificateRoutes(app: App) {
  const tag = "certificates";

  route(
    app,
    {
      method: "get",
      path: "/api/certificates",
      summary: "The certificate register: every household's certificate, deposit and status, with totals",
      tag,
      access: registerReaders,
      responses: { 200: { description: "Register", schema: z.object({ certificates: z.array(Certificate.Info), totals: Certificate.Totals }) } },
    },
    async (c) => c.json(await Certificate.register()),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/certificates.csv",
      summary: "The certificate register as CSV (semicolons, euros)",
      tag,
      access: registerReaders,
      responses: { 200: { description: "CSV (text/csv)", download: "text/csv" } },
    },
    async (c) => {
      const { certificates } = await Certificate.register();
      c.header("Content-Disposition", `attachment; filename="certificaten.csv"`);
      return c.body(Certificate.registerCSV(certificates), 200, { "Content-Type": "text/csv; charset=utf-8" });
    },
  );

  route(
    app,
    {
      method: "get",
      path: "/api/certificates/:householdID",
      summary: "One certificate with its instalments and deposit payments",
      tag,
      access: registerReaders,
      params: textParams("householdID"),
      responses: { 200: { description: "The certificate", schema: Detail }, 404: { description: "Unknown household" } },
    },
    async (c, { params }) => c.json({ certificate: await Certificate.get(params.householdID) }),
  );

  route(
    app,
    {
      method: "patch",
      path: "/api/certificates/:householdID",
      summary: "Deposit paid at once or in instalments",
      tag,
      access: registerReaders,
      params: textParams("householdID"),
      body: Certificate.UpdateInput,
      responses: { 200: { description: "The certificate", schema: Detail }, 404: { description: "Unknown household" } },
    },
    async (c, { body, params }) => c.json({ certificate: await Certificate.update(params.householdID, body) }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/certificates/:householdID/deposit-payments",
      summary: "Record a deposit payment; the same reference is recorded once (a repeat answers 200 with duplicate:true)",
      tag,
      access: treasurer,
      params: textParams("householdID"),
      body: Certificate.PaymentInput,
      responses: {
        201: { description: "Recorded", schema: z.object({ payment: Certificate.Payment, certificate: Certificate.Detail, duplicate: z.boolean() }) },
        200: { description: "Recorded before under this reference", schema: z.object({ payment: Certificate.Payment, certificate: Certificate.Detail, duplicate: z.boolean() }) },
        404: { description: "Unknown household" },
        409: { description: "certificate.overpaid, certificate.ended, or deposit.reference_used for another payment" },
      },
    },
    async (c, { body, params }) => {
      const res = await Certificate.recordPayment(params.householdID, body);
      return c.json(res, res.duplicate ? 200 : 201);
    },
  );

  route(
    app,
    {
      method: "post",
      path: "/api/certificates/:householdID/refund",
      summary: "Mark the deposit refunded (once the membership has ended)",
      tag,
      access: treasurer,
      params: textParams("householdID"),
      responses: { 200: { description: "The certificate", schema: Detail }, 409: { description: "certificate.not_refund_due" } },
    },
    async (c, { params }) => c.json({ certificate: await Certificate.refund(params.householdID) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/households/:id/certificate",
      summary: "A household's certificate, instalments, payments and notice: for its own people, the board and the treasurer",
      tag,
      access: "session",
      params: textParams("id"),
      responses: { 200: { description: "The certificate", schema: Detail }, 404: { description: "Unknown, or another household" } },
    },
    async (c, { params }) => c.json({ certificate: await Certificate.get(params.id) }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/households/:id/certificate/notice",
      summary: "Give notice for the end of this year (its own people, or the board); repeating it changes nothing",
      tag,
      access: "session",
      params: textParams("id"),
      responses: {
        200: { description: "The certificate with its endDate", schema: Detail },
        404: { description: "Unknown, or another household" },
        409: { description: "membership.minimum_term, with firstPossibleEndDate in the error" },
      },
    },
    async (c, { params }) => c.json({ certificate: await Certificate.giveNotice(params.id) }),
  );

  route(
    app,
    {
      method: "delete",
      path: "/api/households/:id/certificate/notice",
      summary: "Withdraw the notice, until the membership has ended",
      tag,
      access: "session",
      params: textParams("id"),
      responses: { 200: { description: "The certificate", schema: Detail }, 409: { description: "membership.ended" } },
    },
    async (c, { params }) => c.json({ certificate: await Certificate.withdrawNotice(params.id) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/membership/settings",
      summary: "Deposits, instalments, minimum term, capacity in mouths and the offer deadline",
      tag,
      access: registerReaders,
      responses: { 200: { description: "Settings", schema: z.object({ settings: Membership.Settings }) } },
    },
    async (c) => c.json({ settings: await Membership.settings() }),
  );

  route(
    app,
    {
      method: "patch",
      path: "/api/membership/settings",
      summary: "Change membership settings (existing certificates keep their deposit)",
      tag,
      access: registerReaders,
      body: Membership.UpdateInput,
      responses: { 200: { description: "Settings", schema: z.object({ settings: Membership.Settings }) } },
    },
    async (c, { body }) => c.json({ settings: await Membership.updateSettings(body) }),
  );
}

function waitlistRoutes(app: App) {
  const tag = "waitlist";

  route(
    app,
    {
      method: "post",
      path: "/api/applications",
      summary:
        "Ask to join the waiting list (no login): the address is mailed a link to confirm, or, when it is on the list already, a link to its status; the answer is the same either way",
      tag,
      access: "public",
      body: Application.ApplyInput,
      responses: {
        202: { description: "Mailed to the address; on the list only once confirmed", schema: Application.Applied },
        429: { description: "Too many requests" },
      },
    },
    async (c, { body }) => c.json(await Application.apply(body, c.get("client")), 202),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/applications/confirm",
      summary: "Confirm an address with the token from the mail: the application joins the list; again or at once, still one application",
      tag,
      access: "public",
      body: Application.TokenInput,
      responses: {
        200: { description: "On the list, with a private link to see one's place", schema: Application.Confirmed },
        404: { description: "Unknown or lapsed link" },
      },
    },
    async (c, { body }) => c.json(await Application.confirm(body.token)),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/applications",
      summary: "The waiting list in order with mouths, and the farm's free mouths (?all=true: closed ones too)",
      tag,
      access: board,
      query: z.object({ all: z.optional(z.enum(["true", "false"])) }),
      responses: {
        200: { description: "Applications", schema: z.object({ applications: z.array(Application.Info), capacity: Application.Capacity }) },
      },
    },
    async (c, { query }) => c.json(await Application.list({ all: query.all === "true" })),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/applications/offers",
      summary: "Offer places in list order to every application that fits the free mouths (one that does not fit is skipped)",
      tag,
      access: board,
      responses: { 200: { description: "Offers made", schema: z.object({ offers: z.array(Application.Info), capacity: Application.Capacity }) } },
    },
    async (c) => c.json(await Application.offerInOrder()),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/applications/:id/offer",
      summary: "Offer a place to one application",
      tag,
      access: board,
      params: textParams("id"),
      responses: {
        200: { description: "Offered", schema: z.object({ application: Application.Info }) },
        404: { description: "Unknown" },
        409: { description: "application.does_not_fit (with mouths and freeMouths), or application.not_waiting" },
      },
    },
    async (c, { params }) => c.json({ application: await Application.offer(params.id) }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/applications/:id/withdraw",
      summary: "Take an application off the list; an open offer moves on to the next in line",
      tag,
      access: board,
      params: textParams("id"),
      responses: { 200: { description: "Withdrawn", schema: Closed }, 404: { description: "Unknown" }, 409: { description: "Not on the list" } },
    },
    async (c, { params }) => c.json(await Application.withdraw({ applicationID: params.id })),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/applications/status/:token",
      summary: "The applicant's place on the list, with the private link's token",
      tag,
      access: "public",
      params: textParams("token"),
      responses: { 200: { description: "Status", schema: z.object({ application: Application.Status }) }, 404: { description: "Unknown link" } },
    },
    async (c, { params }) => c.json({ application: await Application.status(params.token) }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/applications/status/:token/withdraw",
      summary: "The applicant leaves the waiting list",
      tag,
      access: "public",
      params: textParams("token"),
      responses: { 200: { description: "Withdrawn", schema: Closed }, 404: { description: "Unknown link" } },
    },
    async (c, { params }) => c.json(await Application.withdraw({ token: params.token })),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/applications/accept",
      summary: "Accept an offered place with the token from the offer mail: makes the member household once, however often it is sent",
      tag,
      access: "public",
      body: Application.TokenInput,
      responses: {
        200: { description: "Accepted (also when accepted before)", schema: Accepted },
        404: { description: "Unknown link" },
        409: { description: "application.offer_expired, application.not_offered, application.already_member" },
      },
    },
    async (c, { body }) => c.json(await Application.accept(body.token)),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/applications/decline",
      summary: "Decline an offered place; it moves on to the next in line",
      tag,
      access: "public",
      body: Application.TokenInput,
      responses: { 200: { description: "Declined", schema: Closed }, 404: { description: "Unknown link" }, 409: { description: "Not open" } },
    },
    async (c, { body }) => c.json(await Application.decline(body.token)),
  );
}
