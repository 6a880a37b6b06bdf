/**
 * The admin's answer about the next edition (GET /admin/hub/newsletter/preview, read by the
 * "Volgende nieuwsbrief" widget). In a file of its own: the admin bundle imports it and must not
 * pull in the server's mail code.
 */
export interface NewsletterPreviewAnswer {
  /** False when nothing new was published: no edition would go out. */
  due: boolean;
  subject: string;
  itemCount: number;
  /** Confirmed subscribers who would get a mail now. */
  recipientCount: number;
  periodStart: string | null;
  /** The mail for someone who chose every part, whole city. */
  html: string;
  /** The weekly moment (cron, Europe/Amsterdam). */
  schedule: string;
  /** False when no mail server is set: nothing would be sent. */
  mailServer: boolean;
  /** Editions whose send was interrupted; they are finished first. */
  unfinished: number;
}
