using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Text;

namespace Nastavnik.Tests.Portfolio;

public class RussianStemmerTests
{
    [Theory]
    // Outputs of the published Snowball Russian stemmer (and of PostgreSQL's 'russian' configuration).
    [InlineData("вагонов", "вагон")]
    [InlineData("вагоне", "вагон")]
    [InlineData("важная", "важн")]
    [InlineData("важнейшими", "важн")]
    [InlineData("видеоролики", "видеоролик")]
    [InlineData("наставничество", "наставничеств")]
    [InlineData("наставничеству", "наставничеств")]
    [InlineData("технология", "технолог")]
    [InlineData("технологии", "технолог")]
    [InlineData("кейсовые", "кейсов")]
    [InlineData("учителями", "учител")]
    [InlineData("одновременно", "одновремен")]
    [InlineData("взаимодействие", "взаимодейств")]
    [InlineData("проводятся", "провод")]
    [InlineData("сопровождение", "сопровожден")]
    [InlineData("и", "и")]
    public void Stems_words_as_snowball_does(string word, string stem) => RussianStemmer.Stem(word).ShouldBe(stem);

    [Theory]
    [InlineData("видеоролик", "видеоролики")]
    [InlineData("видеоролик", "видеороликов")]
    [InlineData("видеоролик", "видеороликами")]
    [InlineData("наставничество", "наставничеству")]
    [InlineData("классный", "классного")]
    [InlineData("родители", "родителями")]
    [InlineData("презентация", "презентации")]
    [InlineData("собрание", "собраниях")]
    public void Word_forms_share_a_stem(string a, string b) => RussianStemmer.Stem(a).ShouldBe(RussianStemmer.Stem(b));

    [Fact]
    public void Text_is_folded_and_split_on_hyphens()
    {
        RussianStemmer.StemText("Кейс-технология на уроках ЁЛКИ").ShouldBe("кейс технолог на урок елк");
        PortfolioSearch.Terms("Кейсовые технологии и уроки").ShouldBe(["кейс", "технолог", "урок"]);
    }

    [Fact]
    public void Excerpt_marks_matched_words_and_encodes_everything_else()
    {
        var html = PortfolioSearch.Excerpt(PortfolioSearch.Terms("видеоролик"), "<b>Снимаем</b> видеоролики & монтируем");
        html.ShouldBe("&lt;b&gt;Снимаем&lt;/b&gt; <mark>видеоролики</mark> &amp; монтируем");
    }
}
