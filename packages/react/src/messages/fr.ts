import type { ConsentMessages } from './types'

// French typography puts a narrow no-break space (U+202F) before "?"; written as an escape so it stays visible.

/**
 * French copy, formal "vous" as in most French consumer apps.
 * "Sauvegarder" (not "enregistrer") for saving, so it is never confused with "enregistrements" (recordings).
 */
export const fr: ConsentMessages = /* @__PURE__ */ Object.freeze({
  title: 'Améliorer le modèle pour tous',
  stateOn: 'Activé',
  stateOff: 'Désactivé',
  summaryOn: 'Nous pouvons utiliser vos conversations pour entraîner nos modèles.',
  summaryOff: 'Nous n’utilisons pas vos conversations pour entraîner nos modèles.',
  detailsToggle: 'Qu’est-ce que cela signifie\u202F?',
  detailsOn: 'Si ce réglage est activé, nous pouvons utiliser vos conversations pour entraîner et améliorer des modèles pour tous.',
  detailsOff: 'Si ce réglage est désactivé, nous n’utilisons pas vos conversations pour l’entraînement. Elles restent dans votre historique.',
  detailsMedia: 'Les enregistrements audio et vidéo ont leurs propres réglages. Nous les utilisons seulement si vous activez aussi ces réglages.',
  detailsFromNow: 'Un changement s’applique à partir de maintenant.',
  detailsAnyTime: 'Vous pouvez modifier ce choix à tout moment.',
  learnMore: 'En savoir plus',
  decisionOn: 'Activé depuis le {date}',
  decisionOff: 'Désactivé depuis le {date}',
  mediaGroupLabel: 'Enregistrements',
  audioLabel: 'Inclure les enregistrements audio',
  videoLabel: 'Inclure les enregistrements vidéo',
  confirmEnableTitle: 'Activer l’entraînement des modèles\u202F?',
  confirmEnableBody: 'Nous pourrons utiliser vos conversations pour entraîner des modèles pour tous. Vous pouvez désactiver ce réglage à tout moment.',
  confirmAudioEnableTitle: 'Inclure les enregistrements audio\u202F?',
  confirmAudioEnableBody: 'Nous pourrons utiliser vos enregistrements audio pour entraîner des modèles. Vous pouvez désactiver ce réglage à tout moment.',
  confirmVideoEnableTitle: 'Inclure les enregistrements vidéo\u202F?',
  confirmVideoEnableBody: 'Nous pourrons utiliser vos enregistrements vidéo pour entraîner des modèles. Vous pouvez désactiver ce réglage à tout moment.',
  confirmDisableTitle: 'Désactiver l’entraînement des modèles\u202F?',
  confirmDisableBody: 'Nous n’utiliserons plus vos nouvelles conversations pour entraîner des modèles. Vous pouvez réactiver ce réglage à tout moment.',
  confirmAudioDisableTitle: 'Ne plus inclure les enregistrements audio\u202F?',
  confirmAudioDisableBody: 'Nous n’utiliserons plus vos nouveaux enregistrements audio pour entraîner des modèles.',
  confirmVideoDisableTitle: 'Ne plus inclure les enregistrements vidéo\u202F?',
  confirmVideoDisableBody: 'Nous n’utiliserons plus vos nouveaux enregistrements vidéo pour entraîner des modèles.',
  confirmEnableAction: 'Activer',
  confirmDisableAction: 'Désactiver',
  cancel: 'Annuler',
  pending: 'Sauvegarde de votre choix…',
  saved: 'Votre choix est sauvegardé.',
  errorStillOn: 'Nous n’avons pas pu sauvegarder votre choix. Le réglage est toujours activé.',
  errorStillOff: 'Nous n’avons pas pu sauvegarder votre choix. Le réglage est toujours désactivé.',
  retry: 'Réessayer',
  reconsent: 'Notre politique a changé, nous avons donc désactivé ce réglage. Lisez ce qu’il signifie, puis choisissez à nouveau.',
  mediaNeedsMain: 'Activez d’abord « {title} ».',
  stillSaving: 'Patientez. Nous sauvegardons encore votre dernier choix.',
  loading: 'Chargement de votre choix…',
})
