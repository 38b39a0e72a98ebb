# Bilimlar konsoli (/console): xodimlar bilimlar bazasini brauzerda yoki Telegramning o'zida tahrirlaydi.

cmd-console = Bilimlar bazasini tahrirlash (kirish havolasi)
console-off = Bilimlar konsoli o'chiq: bot sozlamalarida PUBLIC_URL berilmagan. Botni ishga tushirgan kishidan botning ochiq manzilini ko'rsatishini so'rang.
console-link = 🔐 Bilimlar konsoliga kirish havolangiz. U bir marta, 10 daqiqa ichida ishlaydi:
    { $url }

    Uni hech kimga yubormang: kim birinchi ochsa, sizning nomingizdan kiradi.
console-too-many = 10 daqiqa ichida bir necha havola so'radingiz. Oxirgisidan foydalaning yoki bir necha daqiqa kuting.
console-knowledge-button = 📚 Bilimlar bazasi
# A program's new deadlines, announced from the console: one paragraph per language, then /broadcast's preview.
console-deadline-announcement = 📅 { $title }: { $count ->
        [one] yangi muddat
       *[other] yangi muddatlar
    }
    { $deadlines }
console-deadline-button = 📣 Dastur obunachilariga e'lon qilish
