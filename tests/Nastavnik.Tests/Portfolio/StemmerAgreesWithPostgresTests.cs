using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Text;
using Npgsql;

namespace Nastavnik.Tests.Portfolio;

/// <summary>PostgreSQL's own Snowball stemmer is the oracle: SQLite search must find what PostgreSQL finds.</summary>
[Collection("postgres")]
public sealed class StemmerAgreesWithPostgresTests(PostgresApp app)
{
    private const string Text = """
        Развитию системы наставничества способствовала целенаправленная работа по развитию профессионализма педагогических кадров.
        Специфика реверсивного наставничества обеспечивает развитие личностных и профессиональных компетенций каждого участника
        наставнического взаимодействия, способствует продвижению личностной инициативы каждого педагога, так как один и тот же
        педагог поставлен в условия, где он является и наставником, и наставляемым. Педагоги ознакомятся с практикой, проходят
        анкетирование, заполнят таблицу; сформированы базы наставников. Подготовка к родительским собраниям, создание видеороликов,
        организация внеклассных мероприятий, экскурсионная работа, обучающихся с высоким риском неуспешности, важнейшими, бывшими,
        улыбавшись, улыбаясь, игровые образовательные технологии, кейсовые, сделавшись, лучшее, красивейшая, длинный, старинного.
        """;

    [Fact]
    public async Task Stems_every_word_of_a_seed_passage_and_of_the_catalog_like_postgresql()
    {
        var topics = await app.WithDb(db => db.Topics.IgnoreQueryFilters().Select(t => t.Name).Distinct().ToListAsync());
        var words = RussianStemmer.Words(Text + " " + string.Join(' ', topics)).Where(w => w.All(char.IsLetter) && w.Any(c => c >= 'а')).Distinct().ToList();
        words.Count.ShouldBeGreaterThan(100);
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        var differ = new List<string>();
        foreach (var w in words)
        {
            await using var cmd = new NpgsqlCommand("SELECT (ts_lexize('russian_stem', @w))[1]", conn);
            cmd.Parameters.AddWithValue("w", w);
            // A stop word gives an empty array: PostgreSQL does not index it at all.
            if (await cmd.ExecuteScalarAsync() is not string pg) continue;
            if (pg != RussianStemmer.Stem(w)) differ.Add($"{w}: postgres {pg}, ours {RussianStemmer.Stem(w)}");
        }
        differ.ShouldBeEmpty();
    }
}
