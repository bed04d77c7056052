/**
 * The few words the Connect stand-in shows, per language, so `update({ locale })` is visible.
 * Unknown locales fall back to English; numbers and dates always follow the locale through Intl.
 */
const TEXT = {
  en: { sandbox: 'Sandbox', loading: 'Loading…', loggedOut: 'Signed out: this session has ended.', failed: 'Could not load', next: 'Next', back: 'Back', finish: 'Finish', close: 'Close', edit: 'Edit', none: 'Nothing to show.', filters: 'Filters' },
  fr: { sandbox: 'Bac à sable', loading: 'Chargement…', loggedOut: 'Déconnecté : cette session est terminée.', failed: 'Échec du chargement de', next: 'Suivant', back: 'Retour', finish: 'Terminer', close: 'Fermer', edit: 'Modifier', none: 'Rien à afficher.', filters: 'Filtres' },
  de: { sandbox: 'Sandbox', loading: 'Wird geladen…', loggedOut: 'Abgemeldet: Diese Sitzung ist beendet.', failed: 'Laden fehlgeschlagen:', next: 'Weiter', back: 'Zurück', finish: 'Fertig', close: 'Schließen', edit: 'Bearbeiten', none: 'Nichts anzuzeigen.', filters: 'Filter' },
  es: { sandbox: 'Entorno de pruebas', loading: 'Cargando…', loggedOut: 'Sesión cerrada: esta sesión ha terminado.', failed: 'No se pudo cargar', next: 'Siguiente', back: 'Atrás', finish: 'Terminar', close: 'Cerrar', edit: 'Editar', none: 'Nada que mostrar.', filters: 'Filtros' },
} as const;

export type ConnectText = (typeof TEXT)[keyof typeof TEXT];

export function connectText(locale: string | undefined): ConnectText {
  const language = (locale ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  // `Object.hasOwn`: a locale such as `constructor` must not pick a member of Object.prototype.
  return Object.hasOwn(TEXT, language) ? TEXT[language as keyof typeof TEXT] : TEXT.en;
}
