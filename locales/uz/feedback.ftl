# "Javob foydali bo'ldimi?" o'z so'zlari bilan yozilgan savollarga berilgan javoblar ostida.

feedback-helpful-button = 👍 Foydali
feedback-unhelpful-button = 👎 Yordam bermadi
feedback-thanks = Rahmat! Yordam berganidan xursandmiz.
feedback-sorry = Kechirasiz, bu yordam bermadi. Bo'limning o'zidan so'rashingiz mumkin:
feedback-already = Siz bu javobni allaqachon baholagansiz. Rahmat!
feedback-unknown = Bu javobni endi baholab bo'lmaydi. Baribir rahmat!
