/**
 * Words that carry no meaning for search in each language: function words and
 * the filler of questions ("tell me about", "расскажите", "haqida ma'lumot").
 * Uzbek is listed in Latin; Cyrillic queries are folded to Latin before the
 * lookup, so "қандай" meets "qanday".
 */
import type { Lang } from "../knowledge/schema.js";
import { fold } from "./normalize.js";

const RAW: Record<Lang, string> = {
  en: `a an the and or but if of in on at to for from with without about into by as is are was were be been being
    am do does did done have has had i me my mine we us our you your yours he she it its they them their this that these
    those there here what which who whom whose how when where why can could may might shall should will would must
    any some much many more most very please tell say know let get got go going want wanted wish like need needs
    information info details detail give show find help hi hey ok okay yes no not dont im ive id also just so than then
    there thing things something anything way ways about please kindly possible possibly something someone anyone
    one ones all each every other others else our ours among between such own same too again still now well really`,
  ru: `и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от
    меня еще нет о об из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам
    ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз
    тоже себе под будет ж тогда кто этот того потому этого какой какая какие какое каких каким совсем ним здесь этом
    один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над
    больше тот через эти нас про всего них много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть
    том нельзя такой им более всегда конечно всю между это мою наш наши ваш ваши свой скажите расскажите расскажи
    подскажите подскажи какими нашим нашей наших нам которыми которые который которая которых других другие делает делать хочу хотел хотела хотим нужно нужна нужен нужны надо пожалуйста информация информацию
    информации инфо узнать знать сколько каким образом как-то просто вообще также есть имеется ли бывает`,
  uz: `va yoki ham bilan uchun haqida haqda to'g'risida bo'yicha men sen u biz siz ular mening sening uning bizning
    sizning ularning menga senga unga bizga sizga ularga meni seni uni bizni sizni bu shu o'sha ushbu qanday qanaqa
    qanaqangi nima nimalar nimani nega nechta necha qancha qayer qayerda qayerga qayerdan qachon kim kimga kimlar
    qaysi qaysilar bor bormi yo'q kerak kerakmi mumkin mumkinmi bo'ladi bo'ladimi bo'lsa bo'lishi bo'lib bo'lgan
    qilish qilsam qilsa qilib qilaman qilmoqchiman qanday qilib iltimos ayting aytib aytingchi bering bering-chi
    ma'lumot ma'lumotlar ma'lumoti malumot bilmoqchiman bilsam bilish istayman xohlayman hohlayman deb edi emas ekan
    edim endi yana faqat juda eng hamma barcha har biror birorta hech ko'p oz lekin ammo chunki agar
    -chi chi da ga mi ni ning dan degan kabi bormikan kerakmikan qani bizda boshqa etsa bo'ladimi`,
};

/** Folded stop words of each language (they also tell the languages apart). */
export const STOP_WORDS = Object.fromEntries(
  Object.entries(RAW).map(([lang, list]) => [lang, new Set(fold(list).split(" "))]),
) as Record<Lang, Set<string>>;

const ALL = new Set(Object.values(STOP_WORDS).flatMap((set) => [...set]));

export const isStopWord = (foldedWord: string): boolean => ALL.has(foldedWord);
