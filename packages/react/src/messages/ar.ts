import type { ConsentMessages } from './types'

/**
 * Arabic copy (Modern Standard Arabic, right to left).
 * Buttons and titles use verbal nouns ("تفعيل", "إيقاف"), as Arabic interfaces do, so no text
 * assumes the reader's gender; the rest reads the same for everyone when written without vowel marks.
 */
export const ar: ConsentMessages = /* @__PURE__ */ Object.freeze({
  title: 'تحسين النموذج للجميع',
  stateOn: 'مفعّل',
  stateOff: 'غير مفعّل',
  summaryOn: 'قد نستخدم محادثاتك لتدريب نماذجنا.',
  summaryOff: 'لا نستخدم محادثاتك لتدريب نماذجنا.',
  detailsToggle: 'ماذا يعني هذا؟',
  detailsOn: 'عند تفعيل هذا الإعداد، قد نستخدم محادثاتك لتدريب النماذج وتحسينها للجميع.',
  detailsOff: 'عند إيقاف هذا الإعداد، لا نستخدم محادثاتك للتدريب. وتبقى محادثاتك في سجلّك.',
  detailsMedia: 'لتسجيلات الصوت والفيديو إعدادات خاصة بها. لا نستخدم هذه التسجيلات إلا إذا فعّلت تلك الإعدادات أيضًا.',
  detailsFromNow: 'يسري أي تغيير من الآن فصاعدًا.',
  detailsAnyTime: 'يمكنك تغيير هذا في أي وقت.',
  learnMore: 'مزيد من المعلومات',
  decisionOn: 'مفعّل منذ {date}',
  decisionOff: 'غير مفعّل منذ {date}',
  mediaGroupLabel: 'التسجيلات',
  audioLabel: 'تضمين التسجيلات الصوتية',
  videoLabel: 'تضمين تسجيلات الفيديو',
  confirmEnableTitle: 'تفعيل تدريب النماذج؟',
  confirmEnableBody: 'قد نستخدم محادثاتك لتدريب النماذج للجميع. يمكنك إيقاف ذلك في أي وقت.',
  confirmAudioEnableTitle: 'تضمين التسجيلات الصوتية؟',
  confirmAudioEnableBody: 'قد نستخدم تسجيلاتك الصوتية لتدريب النماذج. يمكنك إيقاف ذلك في أي وقت.',
  confirmVideoEnableTitle: 'تضمين تسجيلات الفيديو؟',
  confirmVideoEnableBody: 'قد نستخدم تسجيلات الفيديو الخاصة بك لتدريب النماذج. يمكنك إيقاف ذلك في أي وقت.',
  confirmDisableTitle: 'إيقاف تدريب النماذج؟',
  confirmDisableBody: 'سنتوقف عن استخدام محادثاتك الجديدة لتدريب النماذج. يمكنك تفعيل ذلك مرة أخرى في أي وقت.',
  confirmAudioDisableTitle: 'إيقاف تضمين التسجيلات الصوتية؟',
  confirmAudioDisableBody: 'سنتوقف عن استخدام تسجيلاتك الصوتية الجديدة لتدريب النماذج.',
  confirmVideoDisableTitle: 'إيقاف تضمين تسجيلات الفيديو؟',
  confirmVideoDisableBody: 'سنتوقف عن استخدام تسجيلات الفيديو الجديدة الخاصة بك لتدريب النماذج.',
  confirmEnableAction: 'تفعيل',
  confirmDisableAction: 'إيقاف',
  cancel: 'إلغاء',
  pending: 'جارٍ حفظ اختيارك…',
  saved: 'تم حفظ اختيارك.',
  errorStillOn: 'تعذّر حفظ اختيارك. ما زال الإعداد مفعّلًا.',
  errorStillOff: 'تعذّر حفظ اختيارك. ما زال الإعداد غير مفعّل.',
  retry: 'إعادة المحاولة',
  reconsent: 'تغيّرت سياستنا، لذلك أوقفنا هذا الإعداد. يُرجى قراءة ما يعنيه ثم الاختيار من جديد.',
  mediaNeedsMain: 'فعّل «{title}» أولًا.',
  stillSaving: 'يُرجى الانتظار. ما زلنا نحفظ اختيارك الأخير.',
})
