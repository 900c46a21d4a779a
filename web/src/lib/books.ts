/** The treasurer's journal downloads (docs/books.md): a year `YYYY` or a month `YYYY-MM`. */
export const booksApi = {
  journal: (period: string, format: "csv" | "xaf") => `/api/contribution/journal.${format}?period=${encodeURIComponent(period)}`,
};
