/**
 * The visitor-facing texts of the confirmation mail and of the confirm and
 * unsubscribe pages, in the five languages of the widgets ("Sie" register:
 * vous, usted, você; es: Latin American usage, pt: Brazilian). `{list}` is
 * the newsletter's name. The consent sentence on the confirm page is what the
 * visitor agrees to; its version (a hash of the sentence) is stored with each
 * confirmation.
 */
import {createHash} from 'node:crypto';

export const LOCALES = ['de', 'en', 'fr', 'es', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];

/** The newsletter's name, a proper name in every language. */
export const LIST_NAME = 'Kommunale Klimapartnerschaften';

export interface Texts {
  subject: string;
  hello: string;
  signedUp: string;
  pleaseConfirm: string;
  confirmButton: string;
  notYou: string;
  unsubscribeLead: string;
  confirmTitle: string;
  consent: string;
  confirmedTitle: string;
  confirmedText: string;
  expiredTitle: string;
  expiredText: string;
  withdrawnTitle: string;
  withdrawnText: string;
  unknownTitle: string;
  unknownText: string;
  unsubscribeTitle: string;
  unsubscribeQuestion: string;
  unsubscribeButton: string;
  unsubscribedTitle: string;
  unsubscribedText: string;
}

const NB = '\u00a0'; // French puts a no-break space before : ? ! and inside « »

const TEXTS: Record<Locale, Texts> = {
  de: {
    subject: 'Bitte bestätigen Sie Ihre Anmeldung zum Newsletter',
    hello: 'Guten Tag,',
    signedUp: 'mit dieser E-Mail-Adresse wurde der Newsletter „{list}“ bestellt.',
    pleaseConfirm: 'Bitte bestätigen Sie die Anmeldung innerhalb von 7 Tagen über diesen Link:',
    confirmButton: 'Anmeldung bestätigen',
    notYou: 'Wenn Sie den Newsletter nicht bestellt haben, müssen Sie nichts tun: Ohne Bestätigung erhalten Sie keine weiteren E-Mails.',
    unsubscribeLead: 'Abmelden (jederzeit möglich):',
    confirmTitle: 'Anmeldung bestätigen',
    consent: 'Ja, ich möchte den Newsletter „{list}“ per E-Mail erhalten. Diese Einwilligung kann ich jederzeit widerrufen, zum Beispiel über den Abmeldelink in jeder E-Mail.',
    confirmedTitle: 'Anmeldung bestätigt',
    confirmedText: 'Vielen Dank! Sie erhalten ab jetzt den Newsletter „{list}“.',
    expiredTitle: 'Link abgelaufen',
    expiredText: 'Dieser Bestätigungslink war 7 Tage gültig. Bitte melden Sie sich erneut an.',
    withdrawnTitle: 'Anmeldung zurückgezogen',
    withdrawnText: 'Diese Anmeldung wurde abgemeldet. Wenn Sie den Newsletter doch erhalten möchten, melden Sie sich bitte erneut an.',
    unknownTitle: 'Link ungültig',
    unknownText: 'Dieser Link ist ungültig oder veraltet. Bitte verwenden Sie den Link aus der neuesten E-Mail.',
    unsubscribeTitle: 'Vom Newsletter abmelden',
    unsubscribeQuestion: 'Möchten Sie den Newsletter „{list}“ nicht mehr erhalten?',
    unsubscribeButton: 'Abmelden',
    unsubscribedTitle: 'Abmeldung bestätigt',
    unsubscribedText: 'Sie erhalten den Newsletter „{list}“ nicht mehr.',
  },
  en: {
    subject: 'Please confirm your newsletter subscription',
    hello: 'Hello,',
    signedUp: 'This e-mail address was signed up for the newsletter “{list}”.',
    pleaseConfirm: 'Please confirm your subscription within 7 days using this link:',
    confirmButton: 'Confirm subscription',
    notYou: 'If you did not sign up, there is nothing to do: without confirmation you will not receive any further e-mails.',
    unsubscribeLead: 'Unsubscribe (at any time):',
    confirmTitle: 'Confirm subscription',
    consent: 'Yes, I would like to receive the newsletter “{list}” by e-mail. I can withdraw this consent at any time, for example with the unsubscribe link in every e-mail.',
    confirmedTitle: 'Subscription confirmed',
    confirmedText: 'Thank you! You will now receive the newsletter “{list}”.',
    expiredTitle: 'Link expired',
    expiredText: 'This confirmation link was valid for 7 days. Please sign up again.',
    withdrawnTitle: 'Subscription withdrawn',
    withdrawnText: 'This subscription was cancelled. If you would like to receive the newsletter after all, please sign up again.',
    unknownTitle: 'Invalid link',
    unknownText: 'This link is invalid or out of date. Please use the link in the most recent e-mail.',
    unsubscribeTitle: 'Unsubscribe from the newsletter',
    unsubscribeQuestion: 'Would you like to stop receiving the newsletter “{list}”?',
    unsubscribeButton: 'Unsubscribe',
    unsubscribedTitle: 'Unsubscribed',
    unsubscribedText: 'You will no longer receive the newsletter “{list}”.',
  },
  fr: {
    subject: 'Veuillez confirmer votre inscription à la newsletter',
    hello: 'Bonjour,',
    signedUp: `Cette adresse e-mail a été inscrite à la newsletter «${NB}{list}${NB}».`,
    pleaseConfirm: `Veuillez confirmer votre inscription dans les 7${NB}jours à l’aide de ce lien${NB}:`,
    confirmButton: 'Confirmer l’inscription',
    notYou: `Si vous ne vous êtes pas inscrit, vous n’avez rien à faire${NB}: sans confirmation, vous ne recevrez plus aucun e-mail.`,
    unsubscribeLead: `Se désinscrire (à tout moment)${NB}:`,
    confirmTitle: 'Confirmer l’inscription',
    consent: `Oui, je souhaite recevoir la newsletter «${NB}{list}${NB}» par e-mail. Je peux retirer ce consentement à tout moment, par exemple grâce au lien de désinscription présent dans chaque e-mail.`,
    confirmedTitle: 'Inscription confirmée',
    confirmedText: `Merci${NB}! Vous recevrez désormais la newsletter «${NB}{list}${NB}».`,
    expiredTitle: 'Lien expiré',
    expiredText: `Ce lien de confirmation était valable 7${NB}jours. Veuillez vous inscrire à nouveau.`,
    withdrawnTitle: 'Inscription annulée',
    withdrawnText: 'Cette inscription a été annulée. Si vous souhaitez tout de même recevoir la newsletter, veuillez vous inscrire à nouveau.',
    unknownTitle: 'Lien non valide',
    unknownText: 'Ce lien n’est pas valide ou n’est plus à jour. Veuillez utiliser le lien de l’e-mail le plus récent.',
    unsubscribeTitle: 'Se désinscrire de la newsletter',
    unsubscribeQuestion: `Vous ne souhaitez plus recevoir la newsletter «${NB}{list}${NB}»${NB}?`,
    unsubscribeButton: 'Se désinscrire',
    unsubscribedTitle: 'Désinscription confirmée',
    unsubscribedText: `Vous ne recevrez plus la newsletter «${NB}{list}${NB}».`,
  },
  es: {
    subject: 'Confirme su suscripción al boletín',
    hello: 'Hola:',
    signedUp: 'Esta dirección de correo electrónico se suscribió al boletín “{list}”.',
    pleaseConfirm: 'Confirme su suscripción dentro de los próximos 7 días con este enlace:',
    confirmButton: 'Confirmar suscripción',
    notYou: 'Si usted no se suscribió, no tiene que hacer nada: sin confirmación no recibirá más correos.',
    unsubscribeLead: 'Cancelar la suscripción (en cualquier momento):',
    confirmTitle: 'Confirmar suscripción',
    consent: 'Sí, deseo recibir el boletín “{list}” por correo electrónico. Puedo revocar este consentimiento en cualquier momento, por ejemplo, con el enlace para cancelar la suscripción incluido en cada correo.',
    confirmedTitle: 'Suscripción confirmada',
    confirmedText: '¡Muchas gracias! A partir de ahora recibirá el boletín “{list}”.',
    expiredTitle: 'Enlace vencido',
    expiredText: 'Este enlace de confirmación era válido por 7 días. Por favor, suscríbase de nuevo.',
    withdrawnTitle: 'Suscripción retirada',
    withdrawnText: 'Esta suscripción fue cancelada. Si desea recibir el boletín, por favor, suscríbase de nuevo.',
    unknownTitle: 'Enlace no válido',
    unknownText: 'Este enlace no es válido o ya no está vigente. Por favor, use el enlace del correo más reciente.',
    unsubscribeTitle: 'Cancelar la suscripción al boletín',
    unsubscribeQuestion: '¿Ya no desea recibir el boletín “{list}”?',
    unsubscribeButton: 'Cancelar suscripción',
    unsubscribedTitle: 'Suscripción cancelada',
    unsubscribedText: 'Ya no recibirá el boletín “{list}”.',
  },
  pt: {
    subject: 'Confirme sua inscrição na newsletter',
    hello: 'Olá,',
    signedUp: 'Este endereço de e-mail foi inscrito na newsletter “{list}”.',
    pleaseConfirm: 'Confirme sua inscrição em até 7 dias por meio deste link:',
    confirmButton: 'Confirmar inscrição',
    notYou: 'Se você não se inscreveu, não precisa fazer nada: sem confirmação, você não receberá mais nenhum e-mail.',
    unsubscribeLead: 'Cancelar inscrição (a qualquer momento):',
    confirmTitle: 'Confirmar inscrição',
    consent: 'Sim, quero receber a newsletter “{list}” por e-mail. Posso revogar este consentimento a qualquer momento, por exemplo, pelo link de cancelamento presente em cada e-mail.',
    confirmedTitle: 'Inscrição confirmada',
    confirmedText: 'Obrigado! A partir de agora você receberá a newsletter “{list}”.',
    expiredTitle: 'Link expirado',
    expiredText: 'Este link de confirmação era válido por 7 dias. Inscreva-se novamente.',
    withdrawnTitle: 'Inscrição retirada',
    withdrawnText: 'Esta inscrição foi cancelada. Se ainda quiser receber a newsletter, inscreva-se novamente.',
    unknownTitle: 'Link inválido',
    unknownText: 'Este link é inválido ou está desatualizado. Use o link do e-mail mais recente.',
    unsubscribeTitle: 'Cancelar inscrição na newsletter',
    unsubscribeQuestion: 'Você não quer mais receber a newsletter “{list}”?',
    unsubscribeButton: 'Cancelar inscrição',
    unsubscribedTitle: 'Inscrição cancelada',
    unsubscribedText: 'Você não receberá mais a newsletter “{list}”.',
  },
};

/** The texts of `locale` with the newsletter's name filled in. */
export function texts(locale: Locale): Texts {
  const own = TEXTS[locale];
  return Object.fromEntries(Object.entries(own).map(([key, text]) => [key, text.replaceAll('{list}', LIST_NAME)])) as unknown as Texts;
}

/** One of the five for a language tag (`fr-CA` → `fr`); anything else → `de`. */
export function localeOf(tag: unknown): Locale {
  const base = typeof tag === 'string' ? tag.toLowerCase().split(/[-_]/)[0] : '';
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'de';
}

/** The first of the five in an `Accept-Language` header (by q), else `de`. */
export function localeOfHeader(header: string | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(/^\s*q=([\d.]+)/.exec(params.join(';'))?.[1] ?? 1);
      return {tag: tag.trim(), q: Number.isFinite(q) ? q : 0};
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const {tag} of ranked) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LOCALES as readonly string[]).includes(base)) return base as Locale;
  }
  return 'de';
}

/** The version of the consent sentence shown in `locale`: its language and the first 12 hex digits of its SHA-256. */
export function consentVersion(locale: Locale): string {
  return `${locale}-${createHash('sha256').update(texts(locale).consent).digest('hex').slice(0, 12)}`;
}
