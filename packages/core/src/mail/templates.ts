import { assemblyOpened, assemblyReminder, assemblyResults } from "../assembly/mail";
import { loginCode } from "../auth/mail";
import { arrearsReminder, collectionNotice, debitReturned, mandateChanged, mandateIBANShared } from "../contribution/mail";
import { electionOpened, electionReminder, electionResults } from "../election/mail";
import { harvestPublished } from "../harvest/mail";
import { householdPersonAdded } from "../household/mail";
import { applicationAccepted, applicationConfirm, applicationExpired, applicationKnown, applicationOffer, applicationReceived, membershipNotice } from "../membership/mail";
import { groupMessage } from "../message/mail";
import { newsPosted } from "../news/mail";
import { workdayCancelled, workdayPromoted, workdayReminder, workdayRoster } from "../workday/mail";

export type { Locale, Template } from "./format";

/**
 * Every mail the platform sends, by name: a catalogue for the tests that
 * check them all. The senders import their domain's templates directly
 * (Mail.compose takes the template), so no function bundles this list.
 */
export const templates = {
  loginCode,
  harvestPublished,
  workdayCancelled,
  workdayPromoted,
  workdayReminder,
  workdayRoster,
  householdPersonAdded,
  electionOpened,
  electionReminder,
  electionResults,
  assemblyOpened,
  assemblyReminder,
  assemblyResults,
  applicationConfirm,
  applicationKnown,
  applicationReceived,
  applicationOffer,
  applicationAccepted,
  applicationExpired,
  membershipNotice,
  mandateChanged,
  mandateIBANShared,
  collectionNotice,
  arrearsReminder,
  debitReturned,
  groupMessage,
  newsPosted,
};

export type TemplateName = keyof typeof templates;
export type TemplateData<N extends TemplateName> = Parameters<(typeof templates)[N]["nl"]>[0];
