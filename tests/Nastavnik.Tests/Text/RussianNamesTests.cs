using Nastavnik.Web.Features.Demo;
using Nastavnik.Web.Text;

namespace Nastavnik.Tests.Text;

/// <summary>
/// Names in sentences are declined (issue 10, item 23): «передана наставнику Дмитриевой Жанне Андреевне», not «наставнику
/// Дмитриева Жанна Андреевна». Every name the demo school is built from, in the genitive and the dative, plus the cases our
/// rules must get right beyond the demo (fleeting vowels, adjectival and indeclinable surnames, a woman's consonant surname).
/// </summary>
public sealed class RussianNamesTests
{
    private static readonly string[] Indeclinable = ["Черных", "Шевченко", "Бондаренко", "Литвиненко"];

    [Fact]
    public void The_example_of_the_issue_reads_as_russian()
    {
        RussianNames.Decline("Дмитриева Жанна Андреевна", NameCase.Dative).ShouldBe("Дмитриевой Жанне Андреевне");
        RussianNames.Decline("Дмитриева Жанна Андреевна", NameCase.Genitive).ShouldBe("Дмитриевой Жанны Андреевны");
        RussianNames.Decline("Дмитриев Пётр Андреевич", NameCase.Dative).ShouldBe("Дмитриеву Петру Андреевичу");
        RussianNames.Decline("Дмитриев Пётр Андреевич", NameCase.Genitive).ShouldBe("Дмитриева Петра Андреевича");
    }

    [Fact]
    public void Every_demo_surname_in_the_genitive_and_dative_for_both_genders()
    {
        foreach (var (male, female) in DemoNames.Surnames)
        {
            if (Indeclinable.Contains(male))
            {
                foreach (var c in new[] { NameCase.Genitive, NameCase.Dative })
                {
                    RussianNames.LastName(male, Gender.Male, c).ShouldBe(male);
                    RussianNames.LastName(female, Gender.Female, c).ShouldBe(female);
                }
                continue;
            }
            // Иванов: the man's genitive is the woman's nominative (Иванова), his dative Иванову; hers Ивановой in both.
            RussianNames.LastName(male, Gender.Male, NameCase.Genitive).ShouldBe(female);
            RussianNames.LastName(male, Gender.Male, NameCase.Dative).ShouldBe(female[..^1] + "у");
            RussianNames.LastName(female, Gender.Female, NameCase.Genitive).ShouldBe(female[..^1] + "ой");
            RussianNames.LastName(female, Gender.Female, NameCase.Dative).ShouldBe(female[..^1] + "ой");
        }
    }

    [Fact]
    public void Every_demo_first_name_in_the_genitive_and_dative()
    {
        string[] femaleGenitive =
        [
            "Анны", "Марии", "Елены", "Ольги", "Натальи", "Татьяны", "Ирины", "Светланы", "Екатерины", "Юлии", "Людмилы", "Галины",
            "Марины", "Анастасии", "Надежды", "Валентины", "Оксаны", "Алёны", "Виктории", "Дарьи", "Ксении", "Полины", "Любови",
            "Веры", "Ларисы", "Нины", "Евгении", "Аллы", "Жанны", "Инны", "Фёклы", "Софьи",
        ];
        string[] femaleDative =
        [
            "Анне", "Марии", "Елене", "Ольге", "Наталье", "Татьяне", "Ирине", "Светлане", "Екатерине", "Юлии", "Людмиле", "Галине",
            "Марине", "Анастасии", "Надежде", "Валентине", "Оксане", "Алёне", "Виктории", "Дарье", "Ксении", "Полине", "Любови",
            "Вере", "Ларисе", "Нине", "Евгении", "Алле", "Жанне", "Инне", "Фёкле", "Софье",
        ];
        string[] maleGenitive =
        [
            "Александра", "Сергея", "Дмитрия", "Андрея", "Алексея", "Михаила", "Ивана", "Евгения", "Владимира", "Николая", "Павла",
            "Артёма", "Петра", "Фёдора", "Игоря", "Олега", "Юрия", "Виктора", "Максима", "Константина", "Дениса", "Романа", "Семёна",
        ];
        string[] maleDative =
        [
            "Александру", "Сергею", "Дмитрию", "Андрею", "Алексею", "Михаилу", "Ивану", "Евгению", "Владимиру", "Николаю", "Павлу",
            "Артёму", "Петру", "Фёдору", "Игорю", "Олегу", "Юрию", "Виктору", "Максиму", "Константину", "Денису", "Роману", "Семёну",
        ];
        DemoNames.FemaleFirst.Select(n => RussianNames.FirstName(n, Gender.Female, NameCase.Genitive)).ShouldBe(femaleGenitive);
        DemoNames.FemaleFirst.Select(n => RussianNames.FirstName(n, Gender.Female, NameCase.Dative)).ShouldBe(femaleDative);
        DemoNames.MaleFirst.Select(n => RussianNames.FirstName(n, Gender.Male, NameCase.Genitive)).ShouldBe(maleGenitive);
        DemoNames.MaleFirst.Select(n => RussianNames.FirstName(n, Gender.Male, NameCase.Dative)).ShouldBe(maleDative);
    }

    [Fact]
    public void Every_demo_patronymic_in_the_genitive_and_dative_and_its_gender()
    {
        foreach (var (male, female) in DemoNames.Patronymics)
        {
            RussianNames.MiddleName(male, Gender.Male, NameCase.Genitive).ShouldBe(male + "а");
            RussianNames.MiddleName(male, Gender.Male, NameCase.Dative).ShouldBe(male + "у");
            RussianNames.MiddleName(female, Gender.Female, NameCase.Genitive).ShouldBe(female[..^1] + "ы");
            RussianNames.MiddleName(female, Gender.Female, NameCase.Dative).ShouldBe(female[..^1] + "е");
            // The patronymic decides, whatever the first name looks like.
            RussianNames.GenderOf("Черных", "Саша", male).ShouldBe(Gender.Male);
            RussianNames.GenderOf("Черных", "Саша", female).ShouldBe(Gender.Female);
        }
    }

    [Theory]
    [InlineData("Толстой Лев Николаевич", NameCase.Genitive, "Толстого Льва Николаевича")]
    [InlineData("Достоевская Анна Григорьевна", NameCase.Dative, "Достоевской Анне Григорьевне")]
    [InlineData("Римский-Корсаков Николай Андреевич", NameCase.Dative, "Римскому-Корсакову Николаю Андреевичу")]
    [InlineData("Шевчук Любовь Ильинична", NameCase.Genitive, "Шевчук Любови Ильиничны")]
    [InlineData("Шевчук Илья Фомич", NameCase.Dative, "Шевчуку Илье Фомичу")]
    [InlineData("Гоголь Никита Павлович", NameCase.Genitive, "Гоголя Никиты Павловича")]
    [InlineData("Глинка Ольга Юрьевна", NameCase.Dative, "Глинке Ольге Юрьевне")]
    [InlineData("Мамедов Рашид Мамед оглы", NameCase.Dative, "Мамедову Рашиду Мамед оглы")]
    [InlineData("Иванова Анна Петровна", NameCase.Instrumental, "Ивановой Анной Петровной")]
    [InlineData("Иванов Павел Петрович", NameCase.Instrumental, "Ивановым Павлом Петровичем")]
    [InlineData("Иванова Мария", NameCase.Accusative, "Иванову Марию")]
    [InlineData("ПЕТРОВ ИВАН", NameCase.Dative, "ПЕТРОВУ ИВАНУ")]
    [InlineData("Кузнецова", NameCase.Dative, "Кузнецова")]
    public void Beyond_the_demo(string name, NameCase @case, string expected) =>
        RussianNames.Decline(name, @case).ShouldBe(expected);
}
