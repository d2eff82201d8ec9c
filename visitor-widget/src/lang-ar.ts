/**
 * Arabic (Modern Standard Arabic), written right to left. Names and texts that may be Latin are
 * wrapped in Unicode isolates (FSI … PDI) so a left-to-right name does not scramble the sentence.
 */
import type { Language } from "./strings";

const isolate = (text: string): string => `\u2068${text}\u2069`;

/**
 * The noun form for `count` by the CLDR plural rules for Arabic: one (1), two (2), few (3–10
 * modulo 100), and the singular accusative for 11–99 and the rest. The singular and the dual
 * carry their number themselves; the other forms follow a numeral.
 */
function plural(count: number, one: string, two: string, few: string, many: string): string {
  if (count === 1) return one;
  if (count === 2) return two;
  const rest = count % 100;
  return rest >= 3 && rest <= 10 ? few : many;
}

export const ar: Language = {
  code: "ar",
  dir: "rtl",
  strings: {
    title: "تحدّث معنا",
    greeting: "مرحبًا! اسألنا عن أي شيء، وسيجيبك أحد موظفينا هنا.",
    openChat: "فتح المحادثة",
    openChatUnread: (count) => {
      const noun = plural(count, "رسالة واحدة غير مقروءة", "رسالتان غير مقروءتين", "رسائل غير مقروءة", "رسالة غير مقروءة");
      return `فتح المحادثة، ${count > 2 ? `${count} ${noun}` : noun}`;
    },
    closeChat: "إغلاق المحادثة",
    minimise: "تصغير المحادثة",
    endChat: "إنهاء المحادثة",
    notifyMe: "أعلمني بالرسائل الجديدة",
    conversation: "المحادثة",
    messageLabel: "اكتب رسالتك",
    messagePlaceholder: "اكتب رسالة…",
    send: "إرسال الرسالة",
    sending: "جارٍ الإرسال…",
    notSent: "لم تُرسَل.",
    retry: "إعادة المحاولة",
    operator: "الموظف",
    anOperator: "أحد الموظفين",
    joined: (name) => `انضم ${isolate(name)} إلى المحادثة`,
    typing: (name) => `${isolate(name)} يكتب…`,
    announce: (name, text) => `${isolate(name)}: ${isolate(text)}`,
    connecting: "جارٍ الاتصال…",
    reconnecting: "جارٍ إعادة الاتصال…",
    messageReceived: "تم استلام رسالتك",
    statusIdle: "نردّ عادةً خلال دقائق",
    statusRinging: "جارٍ توصيلك بأحد الموظفين…",
    statusWaiting: "الموظف يعيد الاتصال…",
    statusNoOperator: "لا يوجد موظف متاح حاليًا",
    statusNoAnswer: "لم يردّ أحد في الوقت المحدد",
    statusEnded: "انتهت المحادثة",
    statusUnavailable: "المحادثة غير متاحة",
    newChat: "بدء محادثة جديدة",
    chatEnded: "انتهت هذه المحادثة.",
    chatUnavailable: "المحادثة غير متاحة حاليًا.",
    thanks: "شكرًا لك! أُرسلت رسالتك وسنتواصل معك قريبًا.",
    leaveTitle: "اترك رسالة",
    leaveIntro: "اترك لنا رسالة وسنتواصل معك.",
    leaveName: "الاسم",
    leaveEmail: "البريد الإلكتروني (اختياري)",
    leaveMessage: "الرسالة",
    leaveFailed: "تعذّر حفظ رسالتك. يُرجى المحاولة مرة أخرى.",
    errorTooLarge: "هذه الرسالة طويلة جدًا.",
    errorRateLimited: "أنت ترسل الرسائل بسرعة كبيرة. يُرجى الانتظار قليلًا.",
    errorBadState: "هذا غير ممكن الآن.",
    errorGeneric: "حدث خطأ ما. يُرجى المحاولة مرة أخرى.",
    tabTitle: (count, title) => `(${count}) ${plural(count, "رسالة جديدة", "رسالتان جديدتان", "رسائل جديدة", "رسالة جديدة")} – ${title}`,
    notificationTitle: (name) => `رسالة جديدة من ${isolate(name)}`,
  },
};
