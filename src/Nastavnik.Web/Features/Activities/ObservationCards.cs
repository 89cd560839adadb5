using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Activities;

/// <summary>
/// The school's lesson-observation cards (карта анализа урока). The default one, built from the methodology of a lesson analysis under
/// ФГОС that the seeds' «методический аудит» relies on, is created for a school on first use. An analysis keeps its card's id; the
/// criteria of a card in use are not changed under it (an editor copies the card, see docs/architecture.md).
/// </summary>
public static class ObservationCards
{
    public const string DefaultName = "Карта анализа урока (ФГОС)";
    public const int DefaultScale = 2;

    public static readonly IReadOnlyList<string> DefaultCriteria =
    [
        "Целеполагание: цель и задачи урока сформулированы вместе с обучающимися, понятны им",
        "Соответствие структуры урока его типу, логика и завершённость этапов",
        "Методы и приёмы обучения соответствуют цели и возрасту обучающихся",
        "Организация деятельности обучающихся: самостоятельная, парная, групповая работа",
        "Формирование универсальных учебных действий (УУД)",
        "Использование ИКТ и цифровых образовательных ресурсов",
        "Оценивание и обратная связь: критерии понятны, самооценка и взаимооценка",
        "Рефлексия учебной деятельности в конце урока",
        "Результативность: цель урока достигнута, результат проверен",
        "Психологический климат, доброжелательность, здоровьесбережение",
    ];

    /// <summary>
    /// The school's default card (else its first card that is not archived), creating the seeds' one when the school has none.
    /// </summary>
    public static async Task<ObservationCard> DefaultAsync(AppDbContext db, CancellationToken ct)
    {
        var card = await db.ObservationCards.Where(c => !c.IsArchived).OrderByDescending(c => c.IsDefault).ThenBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (card is not null) return card;
        card = new ObservationCard { Name = DefaultName, IsDefault = true };
        db.ObservationCards.Add(card);
        await db.SaveChangesAsync(ct);
        db.ObservationCriteria.AddRange(DefaultCriteria.Select((text, i) => new ObservationCriterion
        {
            CardId = card.Id, Order = i + 1, Text = text, ScaleMax = DefaultScale,
        }));
        await db.SaveChangesAsync(ct);
        return card;
    }
}
