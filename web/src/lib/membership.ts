import { query } from "@solidjs/router";
import type { z } from "zod/mini";
import type { Application } from "@akker/core/membership/application";
import type { Certificate } from "@akker/core/membership/certificate";
import { esc, loggedIn, request } from "./api";
import { canManageHouseholds, type MeInfo } from "./person";
import { isTreasurer } from "./contribution";

/*
 * The client and queries of membership: the waiting list, certificates and
 * deposits. They load with those screens, not with the first one.
 */

export type ApplyInput = z.input<typeof Application.ApplyInput>;
export type Confirmed = Awaited<ReturnType<typeof Application.confirm>>;
export type ApplicationInfo = Application.Info;
export type ApplicationStatus = Application.Status;
export type ApplicationState = Application.Info["status"];
export type Capacity = Application.Capacity;
export type Waitlist = { applications: ApplicationInfo[]; capacity: Capacity };
export type Accepted = Awaited<ReturnType<typeof Application.accept>>;
export type Closed = Awaited<ReturnType<typeof Application.decline>>;
export type CertificateInfo = Certificate.Info;
export type CertificateDetail = Certificate.Detail;
export type CertificateState = Certificate.Info["status"];
export type Register = Awaited<ReturnType<typeof Certificate.register>>;
export type DepositInput = z.input<typeof Certificate.PaymentInput>;
export type DepositRecorded = Awaited<ReturnType<typeof Certificate.recordPayment>>;

export const membershipApi = {
  applications: {
    /** No login: anyone may apply. 202 and the same answer whoever's address it names: what follows goes to that address. */
    apply: (input: ApplyInput) => request<void>("POST", "/applications", input),
    /** With the token from the mail: the application joins the list. */
    confirm: (token: string) => request<Confirmed>("POST", "/applications/confirm", { token }),
    status: (token: string) =>
      request<{ application: ApplicationStatus }>("GET", `/applications/status/${esc(token)}`).then((r) => r.application),
    withdrawOwn: (token: string) => request<Closed>("POST", `/applications/status/${esc(token)}/withdraw`),
    accept: (token: string) => request<Accepted>("POST", "/applications/accept", { token }),
    decline: (token: string) => request<Closed>("POST", "/applications/decline", { token }),
    list: () => request<Waitlist>("GET", "/applications"),
    offerInOrder: () => request<{ offers: ApplicationInfo[]; capacity: Capacity }>("POST", "/applications/offers"),
    offer: (applicationID: string) =>
      request<{ application: ApplicationInfo }>("POST", `/applications/${esc(applicationID)}/offer`).then((r) => r.application),
  },
  certificates: {
    register: () => request<Register>("GET", "/certificates"),
    /** A download, so a link and not a call. */
    csv: "/api/certificates.csv",
    refund: (householdID: string) =>
      request<{ certificate: CertificateDetail }>("POST", `/certificates/${esc(householdID)}/refund`).then((r) => r.certificate),
    mine: (householdID: string) =>
      request<{ certificate: CertificateDetail }>("GET", `/households/${esc(householdID)}/certificate`).then((r) => r.certificate),
    /** 201 when recorded; the same reference again answers 200 with duplicate: true. */
    payDeposit: (householdID: string, input: DepositInput) =>
      request<DepositRecorded>("POST", `/certificates/${esc(householdID)}/deposit-payments`, input),
    giveNotice: (householdID: string) =>
      request<{ certificate: CertificateDetail }>("POST", `/households/${esc(householdID)}/certificate/notice`).then((r) => r.certificate),
    withdrawNotice: (householdID: string) =>
      request<{ certificate: CertificateDetail }>("DELETE", `/households/${esc(householdID)}/certificate/notice`).then((r) => r.certificate),
  },
};

/** The board's list: open applications in order, and the farm's free mouths. */
export const getWaitlist = query(() => loggedIn(() => membershipApi.applications.list()), "waitlist");

export const getRegister = query(() => loggedIn(() => membershipApi.certificates.register()), "certificates");

export const getMyCertificate = query(
  (householdID: string) => loggedIn(() => membershipApi.certificates.mine(householdID)),
  "certificate-mine",
);

/** The applicant's own application, by the private link's token: no login. */
export const getApplicationStatus = query(
  (token: string) => membershipApi.applications.status(token),
  "application-status",
);

/** The board keeps the waiting list (an admin may do whatever the board may). */
export const canKeepWaitlist = canManageHouseholds;

/** The board and the treasurer read the certificate register; the treasurer refunds. */
export function canReadRegister(me: MeInfo | undefined): boolean {
  return canKeepWaitlist(me) || isTreasurer(me);
}
