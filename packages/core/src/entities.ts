import { Service } from "electrodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { useDynamo } from "./dynamo";
import { AssemblyCheckInEntity, AssemblyEntity, AssemblyItemEntity } from "./assembly/entities";
import { AuditEntity } from "./audit/entities";
import { LoginCodeEntity, SessionEntity } from "./auth/entities";
import { BankAccountEntity, BankLeaseEntity, BankLikenessEntity, BankLineEntity } from "./contribution/bank-entities";
import { ArrearsReminderEntity, ArrearsScheduleEntity, CompositionPeriodEntity, IbanClaimEntity, LedgerEntryEntity, MandateEntity, PaymentClaimEntity, SeasonEntity, SepaRunEntity, SepaRunItemEntity, SolidarityChoiceEntity, SolidarityPotEntity } from "./contribution/entities";
import { BallotEntity, ElectionEntity, ProxyEntity, RollEntity } from "./election/entities";
import { FarmEntity } from "./farm/entities";
import { HarvestOptOutEntity, HarvestShareEntity, HarvestWeekEntity } from "./harvest/entities";
import { HarvestPickupEntity, HarvestUncollectedEntity } from "./harvest/pickup-entities";
import { HarvestHandoverEntity } from "./harvest/handover-entity";
import { PaymentLikenessEntity } from "./contribution/likeness-entity";
import { LedgerBatchEntity } from "./contribution/ledger-batch-entity";
import { HouseholdEntity } from "./household/entities";
import { DocumentEntity } from "./document/entities";
import { OutboxEntity, PendingMailEntity } from "./mail/entities";
import { NewsMailEntity, NewsPhotoEntity, NewsPostEntity } from "./news/entities";
import { MessageEntity, MessageRecipientEntity } from "./message/entities";
import { ApplicationEmailEntity, ApplicationEntity, ApplicationRequestEntity, ApplicationTokenEntity, CertificateEntity, DepositPaymentEntity, WaitlistEntity } from "./membership/entities";
import { EmailClaimEntity, PersonEntity, RoleGrantEntity } from "./person/entities";
import { PollAnswerEntity, PollEntity, PollMailEntity } from "./poll/entities";
import { RateLimitEntity } from "./ratelimit/entities";
import { CalendarLinkEntity, CalendarTokenEntity, HoursEntity, SignupEntity, WorkdayEntity } from "./workday/entities";

/*
 * The data model: each domain keeps its entities beside it (<domain>/entities.ts,
 * the shared attributes in entity-parts.ts); this joins them in one ElectroDB
 * Service over the one table.
 */

/** Every entity, by name; one Service over the table joins them (useDB). */
export const entities = {
  farm: FarmEntity,
  household: HouseholdEntity,
  person: PersonEntity,
  emailClaim: EmailClaimEntity,
  roleGrant: RoleGrantEntity,
  loginCode: LoginCodeEntity,
  session: SessionEntity,
  outbox: OutboxEntity,
  pendingMail: PendingMailEntity,
  audit: AuditEntity,
  rateLimit: RateLimitEntity,
  harvestWeek: HarvestWeekEntity,
  harvestShare: HarvestShareEntity,
  harvestOptOut: HarvestOptOutEntity,
  harvestPickup: HarvestPickupEntity,
  harvestUncollected: HarvestUncollectedEntity,
  harvestHandover: HarvestHandoverEntity,
  workday: WorkdayEntity,
  signup: SignupEntity,
  hours: HoursEntity,
  calendarToken: CalendarTokenEntity,
  calendarLink: CalendarLinkEntity,
  election: ElectionEntity,
  roll: RollEntity,
  ballot: BallotEntity,
  proxy: ProxyEntity,
  assembly: AssemblyEntity,
  assemblyItem: AssemblyItemEntity,
  assemblyCheckIn: AssemblyCheckInEntity,
  season: SeasonEntity,
  ledgerEntry: LedgerEntryEntity,
  ledgerBatch: LedgerBatchEntity,
  paymentClaim: PaymentClaimEntity,
  compositionPeriod: CompositionPeriodEntity,
  mandate: MandateEntity,
  ibanClaim: IbanClaimEntity,
  bankLine: BankLineEntity,
  bankAccount: BankAccountEntity,
  bankLikeness: BankLikenessEntity,
  bankLease: BankLeaseEntity,
  paymentLikeness: PaymentLikenessEntity,
  sepaRun: SepaRunEntity,
  sepaRunItem: SepaRunItemEntity,
  solidarityChoice: SolidarityChoiceEntity,
  solidarityPot: SolidarityPotEntity,
  arrearsSchedule: ArrearsScheduleEntity,
  arrearsReminder: ArrearsReminderEntity,
  certificate: CertificateEntity,
  depositPayment: DepositPaymentEntity,
  application: ApplicationEntity,
  applicationToken: ApplicationTokenEntity,
  applicationEmail: ApplicationEmailEntity,
  applicationRequest: ApplicationRequestEntity,
  waitlist: WaitlistEntity,
  newsPost: NewsPostEntity,
  newsPhoto: NewsPhotoEntity,
  newsMail: NewsMailEntity,
  message: MessageEntity,
  messageRecipient: MessageRecipientEntity,
  poll: PollEntity,
  document: DocumentEntity,
  pollAnswer: PollAnswerEntity,
  pollMail: PollMailEntity,
};

function build(client: DynamoDBDocumentClient, table: string) {
  return new Service(entities, { client, table });
}

let cached: { service: ReturnType<typeof build>; client: unknown; table: string } | undefined;

/** The ElectroDB service bound to the configured table. */
export function useDB() {
  const { client, table } = useDynamo();
  if (!cached || cached.client !== client || cached.table !== table) {
    cached = { service: build(client, table), client, table };
  }
  return cached.service;
}
