/*
 * The tabs of the "Beheer" screens (board, treasurer, coordinators): they
 * load with those screens, not with the first one. The Dutch shape is the
 * type the English must match.
 */
export const adminNl = {
  households: "Huishoudens",
  waitlist: "Wachtlijst",
  certificates: "Certificaten",
  contributions: "Bijdragen",
  bank: "Bankafschrift",
  season: "Seizoen en prijs",
  harvest: "Oogstverdeling",
  newWorkday: "Meewerkdag plannen",
  pendingHours: "Uren goedkeuren",
  hourTotals: "Urentotalen",
  farm: "Boerderij",
  assemblies: "ALV",
  messages: "Mail aan leden",
  newPoll: "Peiling starten",
};

export type AdminTab = keyof typeof adminNl;

export const adminEn: typeof adminNl = {
  households: "Households",
  waitlist: "Waiting list",
  certificates: "Certificates",
  contributions: "Contributions",
  bank: "Bank statement",
  season: "Season and price",
  harvest: "Harvest split",
  newWorkday: "Plan a work day",
  pendingHours: "Approve hours",
  hourTotals: "Hour totals",
  farm: "Farm",
  assemblies: "General assembly",
  messages: "Mail to members",
  newPoll: "Start a poll",
};
