/**
 * Texts of the inbox, reminders, notification settings and failed jobs ("Drift"), bokmål first. English has
 * the same keys (the type says so). In the app's dictionary as `t.notifications`, `t.drift`.
 */
import { plural } from '../../i18n/plural.ts';

const nb = {
  notifications: {
    bell: 'Varsler',
    bellUnread: (n: number) => `Varsler, ${plural(n, 'ulest', 'uleste')}`,
    title: 'Varsler',
    intro:
      'Påminnelser om frister i sykefraværsoppfølgingen, beskjed når det er din tur (for eksempel en oppfølgingsplan å godkjenne), og det du har bedt om å bli minnet på.',
    empty: 'Du har ingen varsler.',
    listCaption: 'Varslene dine, nyeste først',
    unread: 'Ulest',
    markRead: 'Marker som lest',
    markReadLabel: (text: string) => `Marker som lest: ${text}`,
    markAllRead: 'Marker alle som lest',
    allRead: 'Alle varslene er markert som lest.',
    open: 'Åpne',
    remindersHeading: 'Påminnelser',
    remindersIntro:
      'Lag en påminnelse til deg selv. Den kommer i varslene (og på e-post hvis du har slått det på) den dagen du velger.',
    reminderDate: 'Påminn meg',
    reminderDateRequired: 'Skriv datoen du vil bli minnet på.',
    reminderText: 'Hva vil du bli minnet på?',
    reminderTextDescription: 'Kort, høyst 200 tegn. Ikke skriv diagnose eller andre helseopplysninger.',
    reminderTextRequired: 'Skriv hva du vil bli minnet på.',
    reminderTextTooLong: 'Teksten kan ha høyst 200 tegn.',
    reminderCreate: 'Lag påminnelse',
    reminderCreated: (date: string) => `Påminnelsen er lagret. Du blir minnet på den ${date}.`,
    remindersCaption: 'Påminnelsene dine',
    remindersEmpty: 'Du har ingen påminnelser.',
    colDate: 'Dato',
    colText: 'Påminnelse',
    colActions: 'Handlinger',
    reminderDelete: 'Slett',
    reminderDeleteLabel: (text: string) => `Slett påminnelsen «${text}»`,
    reminderDeleted: 'Påminnelsen er slettet.',
    reminderSent: 'Sendt',
    settingsHeading: 'Varsler',
    emailLabel: 'Send meg e-post om frister og nye oppgaver',
    emailDescription:
      'E-postene har aldri navn eller helseopplysninger, bare at du har en frist (og datoen) eller en ny oppgave, og en lenke til Nærvær.',
    settingsSaved: 'Varslingsinnstillingene er lagret.',
    calendarHeading: 'Fristene i kalenderen din',
    calendarIntro:
      'Med en kalenderlenke (iCal) ser du fristene i Outlook, Google eller Apple-kalenderen. Kalenderen viser bare fristene og en lenke til Nærvær, aldri navn.',
    calendarNone: 'Du har ingen kalenderlenke.',
    calendarActive: (date: string) => `Kalenderlenken er i bruk, laget ${date}.`,
    calendarActiveNoDate: 'Kalenderlenken er i bruk.',
    calendarCreate: 'Lag kalenderlenke',
    calendarRegenerate: 'Lag ny lenke',
    calendarRegenerateHint: 'Den gamle lenken slutter å virke.',
    calendarRevoke: 'Slå av kalenderlenken',
    calendarRevoked: 'Kalenderlenken er slått av. Den gamle lenken virker ikke lenger.',
    calendarUrl: 'Kalenderlenken din',
    calendarShownOnce:
      'Kopier lenken nå og legg den inn i kalenderen din. Vi viser den bare denne ene gangen. Del den ikke med andre.',
    copy: 'Kopier lenken',
    copied: 'Kopiert',
  },
  drift: {
    title: 'Drift',
    intro:
      'Bakgrunnsjobber som har feilet, for eksempel e-post som ikke kom fram. Nærvær prøver på nytt av seg selv; her kan du prøve igjen med en gang.',
    caption: 'Jobber som har feilet',
    colKind: 'Jobb',
    colFailed: 'Feilet',
    colAttempts: 'Forsøk',
    colError: 'Feilmelding',
    colActions: 'Handlinger',
    retry: 'Prøv igjen',
    retryLabel: (kind: string) => `Prøv igjen: ${kind}`,
    retried: 'Jobben er lagt i kø igjen.',
    empty: 'Ingen jobber har feilet.',
    link: 'Drift: jobber som har feilet',
  },
};

export type NotificationsMessages = typeof nb;

const en: NotificationsMessages = {
  notifications: {
    bell: 'Notifications',
    bellUnread: (n: number) => `Notifications, ${n} unread`,
    title: 'Notifications',
    intro:
      'Reminders about deadlines in the sick-leave follow-up, a note when it is your turn (for example a follow-up plan to approve), and what you asked to be reminded about.',
    empty: 'You have no notifications.',
    listCaption: 'Your notifications, newest first',
    unread: 'Unread',
    markRead: 'Mark as read',
    markReadLabel: (text: string) => `Mark as read: ${text}`,
    markAllRead: 'Mark all as read',
    allRead: 'All notifications are marked as read.',
    open: 'Open',
    remindersHeading: 'Reminders',
    remindersIntro:
      'Make a reminder for yourself. It comes in your notifications (and by e-mail if you turned that on) on the day you choose.',
    reminderDate: 'Remind me on',
    reminderDateRequired: 'Write the date you want to be reminded.',
    reminderText: 'What do you want to be reminded about?',
    reminderTextDescription:
      'Short, at most 200 characters. Do not write a diagnosis or other health information.',
    reminderTextRequired: 'Write what you want to be reminded about.',
    reminderTextTooLong: 'The text can have at most 200 characters.',
    reminderCreate: 'Create reminder',
    reminderCreated: (date: string) => `The reminder is saved. You will be reminded on ${date}.`,
    remindersCaption: 'Your reminders',
    remindersEmpty: 'You have no reminders.',
    colDate: 'Date',
    colText: 'Reminder',
    colActions: 'Actions',
    reminderDelete: 'Delete',
    reminderDeleteLabel: (text: string) => `Delete the reminder “${text}”`,
    reminderDeleted: 'The reminder is deleted.',
    reminderSent: 'Sent',
    settingsHeading: 'Notifications',
    emailLabel: 'Send me e-mail about deadlines and new tasks',
    emailDescription:
      'The e-mails never carry names or health information, only that you have a deadline (and its date) or a new task, and a link to Nærvær.',
    settingsSaved: 'The notification settings are saved.',
    calendarHeading: 'The deadlines in your calendar',
    calendarIntro:
      'With a calendar link (iCal) you see the deadlines in Outlook, Google or Apple Calendar. The calendar shows only the deadlines and a link to Nærvær, never names.',
    calendarNone: 'You have no calendar link.',
    calendarActive: (date: string) => `The calendar link is in use, created ${date}.`,
    calendarActiveNoDate: 'The calendar link is in use.',
    calendarCreate: 'Create calendar link',
    calendarRegenerate: 'Create a new link',
    calendarRegenerateHint: 'The old link stops working.',
    calendarRevoke: 'Turn off the calendar link',
    calendarRevoked: 'The calendar link is turned off. The old link no longer works.',
    calendarUrl: 'Your calendar link',
    calendarShownOnce:
      'Copy the link now and add it to your calendar. We show it this one time only. Do not share it.',
    copy: 'Copy the link',
    copied: 'Copied',
  },
  drift: {
    title: 'Operations',
    intro:
      'Background jobs that failed, for example e-mail that did not get through. Nærvær retries by itself; here you can retry at once.',
    caption: 'Failed jobs',
    colKind: 'Job',
    colFailed: 'Failed',
    colAttempts: 'Attempts',
    colError: 'Error',
    colActions: 'Actions',
    retry: 'Retry',
    retryLabel: (kind: string) => `Retry: ${kind}`,
    retried: 'The job is queued again.',
    empty: 'No jobs have failed.',
    link: 'Operations: failed jobs',
  },
};

export const messages = { nb, en };
