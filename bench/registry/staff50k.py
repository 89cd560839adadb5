#!/usr/bin/env python3
"""Writes a staff list of N teachers (default 50,000) as a semicolon CSV in Windows-1251, like a school's Excel export."""
import random, sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
out = sys.argv[2] if len(sys.argv) > 2 else "staff50k.csv"
rng = random.Random(50000)
sur = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков",
       "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
       "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Королёв"]
fem = ["Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Екатерина", "Юлия", "Алёна", "Дарья", "Ксения"]
mal = ["Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Михаил", "Иван", "Артём", "Пётр", "Фёдор", "Игорь", "Олег"]
pat = [("Александрович", "Александровна"), ("Сергеевич", "Сергеевна"), ("Петрович", "Петровна"), ("Фёдорович", "Фёдоровна"),
       ("Игоревич", "Игоревна"), ("Олегович", "Олеговна"), ("Семёнович", "Семёновна"), ("Юрьевич", "Юрьевна")]
depts = ["МО начальных классов", "МО математики", "МО русского языка и литературы", "МО иностранных языков", "МО естественных наук",
         "МО истории и обществознания", "МО информатики", "МО физической культуры"]
seen = set()
with open(out, "w", encoding="cp1251", newline="") as f:
    f.write("Фамилия;Имя;Отчество;Должность;МО;Стаж;Год рождения\r\n")
    i = 0
    while i < n:
        female = rng.random() < 0.8
        s = rng.choice(sur) + ("а" if female else "")
        # A numbered suffix keeps 50,000 names distinct, as in a real city where names repeat across schools.
        s = f"{s}-{rng.randint(1, 999)}" if rng.random() < 0.97 else s
        fn = rng.choice(fem if female else mal)
        p = rng.choice(pat)[1 if female else 0]
        key = (s, fn, p)
        if key in seen:
            continue
        seen.add(key)
        age = rng.randint(22, 65)
        exp = max(0, min(age - 21, int((age - 22) * 0.76) + rng.randint(-3, 3)))
        f.write(f"{s};{fn};{p};Учитель;{rng.choice(depts)};{exp};{2026 - age}\r\n")
        i += 1
print(out)
