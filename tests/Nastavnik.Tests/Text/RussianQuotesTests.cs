using Nastavnik.Web.Text;

namespace Nastavnik.Tests.Text;

/// <summary>Quotes inside quotes are „лапки“ (issue 10, item 23): no «…«…»…» in a message.</summary>
public sealed class RussianQuotesTests
{
    [Theory]
    [InlineData("Кейс-технология", "«Кейс-технология»")]
    [InlineData("Конкурс «Учитель года»", "«Конкурс „Учитель года“»")]
    [InlineData("Изучение Распоряжения № Р-145 «Об утверждении методологии (целевой) модели наставничества»",
        "«Изучение Распоряжения № Р-145 „Об утверждении методологии (целевой) модели наставничества“»")]
    [InlineData(null, "«»")]
    public void Quote_puts_inner_quotes_in_lapki(string? text, string expected) => RussianText.Quote(text).ShouldBe(expected);
}
