/*
 * Strings of the board's overview of one household: its certificate,
 * contribution and hours. They load with that part of the screen; the Dutch
 * shape is the type the English must match.
 */
export const householdOverviewNl = {
  certificate: "Certificaat en inleg",
  deposit: "Inleg",
  depositState: (paid: string, total: string) => `${paid} van ${total} betaald`,
  depositStatus: {
    pending: "nog niet alles betaald",
    paid: "betaald",
    refund_due: "terug te betalen",
    refunded: "terugbetaald",
  } as Record<string, string>,
  memberSince: "Lid sinds",
  endDate: "Lid tot",
  contribution: (year: number) => `Bijdrage ${year}`,
  perWeek: "Per week",
  perYear: (weeks: number) => `Per jaar (${weeks} weken)`,
  rate: (rate: string, mouths: string) => `${rate} per mond × ${mouths}`,
  noPrice: (year: number) => `De prijs voor ${year} is nog niet vastgesteld.`,
  hours: (season: string) => `Meewerkuren ${season}`,
  hoursDone: (hours: string, target: string) => `${hours} van ${target} uur`,
};

export type HouseholdOverviewDictionary = typeof householdOverviewNl;

export const householdOverviewEn: HouseholdOverviewDictionary = {
  certificate: "Certificate and deposit",
  deposit: "Deposit",
  depositState: (paid, total) => `${paid} of ${total} paid`,
  depositStatus: {
    pending: "not all paid yet",
    paid: "paid",
    refund_due: "to be refunded",
    refunded: "refunded",
  },
  memberSince: "Member since",
  endDate: "Member until",
  contribution: (year) => `Contribution ${year}`,
  perWeek: "Per week",
  perYear: (weeks) => `Per year (${weeks} weeks)`,
  rate: (rate, mouths) => `${rate} per mouth × ${mouths}`,
  noPrice: (year) => `The price for ${year} has not been set yet.`,
  hours: (season) => `Hours of help ${season}`,
  hoursDone: (hours, target) => `${hours} of ${target} hours`,
};
