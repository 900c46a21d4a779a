import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Mail } from "@akker/core/mail/mail";
import { templates, type Locale, type TemplateData, type TemplateName } from "@akker/core/mail/templates";
import { createTestFarm, useTestTable } from "../setup/table";

/*
 * User-supplied text in mails: names, titles, notes, crops. Mails are plain
 * text only (the SES consumer sends Body.Text, see functions/src/events/mail.test.ts),
 * so there is no HTML part in which markup could run; the text must come out
 * exactly as typed, and a line break must not reach a header.
 */

const xss = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> & "Jansen" 'en' <b>zn</b>`;

const samples: { [N in TemplateName]: TemplateData<N> } = {
  loginCode: { code: "123456", farm: xss, minutes: 10 },
  harvestPublished: { farm: xss, week: "2027-W10", changed: true, note: xss, lines: [{ crop: xss, unit: "kg", quantity: 1.5 }] },
  workdayCancelled: { farm: xss, title: xss, when: "za 6 maart 10:00", location: xss },
  workdayPromoted: { farm: xss, title: xss, when: "za 6 maart 10:00", location: xss },
  workdayReminder: { farm: xss, title: xss, when: "za 6 maart 10:00", location: xss },
  workdayRoster: { farm: xss, title: xss, when: "za 6 maart 10:00", confirmed: [xss], waitlisted: [xss] },
  householdPersonAdded: { farm: xss, household: xss, name: xss, email: "nieuw@example.nl", by: xss, link: "/households/hh_1" },
  electionOpened: { farm: xss, title: xss, closes: "8 maart 20:00", link: "/stemmen/el_1" },
  electionReminder: { farm: xss, title: xss, closes: "8 maart 20:00", link: "/stemmen/el_1" },
  electionResults: { farm: xss, title: xss, summary: xss, link: "/stemmen/el_1" },
  assemblyOpened: { farm: xss, title: xss, when: "zaterdag 8 maart 10:00", place: xss, items: [xss], closes: "9 maart 10:00", link: "/assemblies/asm_1" },
  assemblyReminder: { farm: xss, title: xss, items: [xss], closes: "9 maart 10:00", link: "/assemblies/asm_1" },
  assemblyResults: {
    farm: xss,
    title: xss,
    link: "/assemblies/asm_1",
    items: [
      { title: xss, kind: "motion", passed: true, elected: [], quorumPercent: 50, quorumMet: true, taking: 5, eligible: 7, inRoom: true },
      { title: xss, kind: "board", elected: [xss], quorumPercent: null, quorumMet: true, taking: 3, eligible: 7, inRoom: false },
    ],
  },
  applicationConfirm: { farm: xss, link: "/apply/confirm/x", hours: 48 },
  applicationKnown: { farm: xss, link: "/apply/status/x" },
  applicationReceived: { farm: xss, name: xss, mouths: 2, position: 3, link: "/apply/status/x" },
  applicationOffer: { farm: xss, name: xss, mouths: 2, certificate: "full", depositCents: 50000, deadline: "15 maart", link: "/apply/accept/x" },
  applicationAccepted: { farm: xss, name: xss, email: "nieuw@example.nl", depositCents: 50000, link: "/" },
  applicationExpired: { farm: xss, name: xss },
  membershipNotice: { farm: xss, household: xss, endDate: "2027-12-31", depositCents: 50000, link: "/" },
  mandateChanged: { farm: xss, household: xss, change: "changed", by: xss, iban: "NL20 … 4567", holder: xss, shared: true, link: "/contribution" },
  mandateIBANShared: { farm: xss, household: xss, other: xss, iban: "NL20 … 4567", link: "/contribution" },
  collectionNotice: { farm: xss, household: xss, amountCents: 4335, date: "2027-03-08", month: "2027-03", iban: "NL20 … 4567", mandateID: "AKKER-1", creditorID: "NL69ZZZ123456780000", link: "/contribution" },
  arrearsReminder: { farm: xss, household: xss, lines: [{ month: "2027-03", openCents: 4335 }], totalCents: 4335, reference: "RF18 5390 0754 7034", iban: "NL91 ABNA 0417 1643 00", contact: "penning@example.nl", link: "/contribution" },
  groupMessage: { farm: xss, author: xss, role: "farmer", subject: xss, text: xss, news: true, link: "/my-data" },
  newsPosted: { farm: xss, title: xss, text: xss, author: xss, photos: 2, link: "/news/nws_1" },
  debitReturned: { farm: xss, household: xss, amountCents: 4335, month: "2027-03", reason: "AC04", iban: "NL91 ABNA 0417 1643 00", reference: "RF18 5390 0754 7034", link: "/contribution" },
};

const locales: Locale[] = ["nl", "en"];

beforeAll(async () => {
  await useTestTable();
});

describe("user text in mails", () => {
  it("every mail is plain text, with no HTML part, and user text comes out exactly as typed", () => {
    for (const name of Object.keys(templates) as TemplateName[])
      for (const locale of locales) {
        const render = templates[name][locale] as (d: unknown) => Record<string, string>;
        const mail = render(samples[name]);
        // An HTML part added one day must escape user text: extend this test with it.
        expect(Object.keys(mail).sort(), `${name} ${locale}`).toEqual(["subject", "text"]);
        expect(mail.text, `${name} ${locale}`).toContain(xss);
        expect(mail.text, `${name} ${locale}`).not.toMatch(/&(lt|gt|amp|quot|#\d+);/);
      }
  });

  it("a mail to an address not yet confirmed has no room for anything the applicant typed", () => {
    // the farm's own name, a link and a number: a stranger's name, note or link cannot ride along to someone else's inbox
    expect(Object.keys(samples.applicationConfirm).sort()).toEqual(["farm", "hours", "link"]);
    expect(Object.keys(samples.applicationKnown).sort()).toEqual(["farm", "link"]);
  });

  it("a line break in user text never reaches the subject, so it cannot add a header", async () => {
    const farmID = await createTestFarm();
    const title = "Wieden\r\nBcc: iedereen@example.com\nX-Spam: ja";
    const sent = await withActor({ type: "system", farmID }, () =>
      Promise.all([
        Mail.send(templates.workdayCancelled, "lid@example.nl", "nl", { farm: "De Akker\n", title, when: "za 6 maart", location: null }),
        Mail.send(templates.electionOpened, "lid@example.nl", "en", { farm: "De Akker", title, closes: "8 March", link: "/" }),
      ]),
    );
    for (const m of sent) {
      expect(m.subject).not.toMatch(/[\r\n]/);
      expect(m.subject).toContain("Wieden Bcc: iedereen@example.com X-Spam: ja");
    }
  });
});
