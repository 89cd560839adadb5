using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>What each row would do to the answers the round already holds, and which rows are skipped by default.</summary>
public sealed partial class FormsImporter
{
    private static readonly StringComparer Order = StringComparer.Create(RussianText.Culture, ignoreCase: false);

    private sealed record Held(int PersonId, int TopicId, int Value, AnswerSource Source, DateTime UpdatedAt);

    /// <summary>
    /// For each person's latest row: whether it is skipped (older than the round's opening, older than the teacher's last save in the
    /// app, no time while the app holds answers, or empty) and the additions, replacements and deletions writing it would make.
    /// The teacher's last save in the app is the latest of their answers and sheet stamps not written by an import.
    /// </summary>
    private async Task PlanAsync(List<FormsRespondent> rows, DiagnosticsRound round, FormsChoices choices, CancellationToken ct)
    {
        var planned = rows.Where(r => r.PersonId is not null && r.SupersededBy is null).ToList();
        if (planned.Count == 0) return;
        var ids = planned.Select(r => r.PersonId!.Value).ToHashSet();
        // The round's rows are read whole and filtered here: a list of thousands of ids would not fit one SQL parameter list.
        var offers = (await db.Offers.AsNoTracking().Where(o => o.RoundId == round.Id)
            .Select(o => new Held(o.PersonId, o.TopicId, o.Level, o.Source, o.UpdatedAt)).ToListAsync(ct)).Where(o => ids.Contains(o.PersonId)).ToLookup(o => o.PersonId);
        var needs = (await db.Needs.AsNoTracking().Where(n => n.RoundId == round.Id)
            .Select(n => new Held(n.PersonId, n.TopicId, n.Priority, n.Source, n.UpdatedAt)).ToListAsync(ct)).Where(n => ids.Contains(n.PersonId)).ToLookup(n => n.PersonId);
        var sheets = (await db.RoundResponses.AsNoTracking().Where(r => r.RoundId == round.Id && r.Source != AnswerSource.Import)
            .Select(r => new { r.PersonId, r.UpdatedAt }).ToListAsync(ct)).Where(r => ids.Contains(r.PersonId)).ToDictionary(r => r.PersonId, r => r.UpdatedAt);
        var topics = await db.Topics.AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var include = choices.IncludeRows?.ToHashSet() ?? [];

        foreach (var r in planned)
        {
            var pid = r.PersonId!.Value;
            var inApp = offers[pid].Concat(needs[pid]).Where(a => a.Source != AnswerSource.Import).Select(a => (DateTime?)a.UpdatedAt)
                .Append(sheets.TryGetValue(pid, out var sheet) ? sheet : null).Max();
            if (r.Offers.Count + r.Needs.Count == 0) r.Skip = FormsSkip.Empty;
            else if (r.SubmittedAt is { } at && at < round.OpenedAt) (r.Skip, r.SkipSince) = (FormsSkip.BeforeRound, round.OpenedAt);
            else if (inApp is { } saved && r.SubmittedAt is null) (r.Skip, r.SkipSince) = (FormsSkip.NoTimeOverApp, saved);
            else if (inApp is { } later && r.SubmittedAt < later) (r.Skip, r.SkipSince) = (FormsSkip.OlderThanApp, later);
            r.Included = r.MaySkip && (choices.IncludeOlder || include.Contains(r.Row));
            Diff(r, offers[pid], r.Offers, isOffer: true);
            Diff(r, needs[pid], r.Needs, isOffer: false);
        }

        void Diff(FormsRespondent r, IEnumerable<Held> held, Dictionary<int, int> file, bool isOffer)
        {
            var have = held.ToDictionary(h => h.TopicId);
            foreach (var (topic, value) in file.OrderBy(kv => Name(kv.Key), Order))
            {
                if (!have.TryGetValue(topic, out var h)) r.Changes.Add(new FormsChange(FormsChangeKind.Add, isOffer, Name(topic), null, value));
                else if (h.Value != value) r.Changes.Add(new FormsChange(FormsChangeKind.Replace, isOffer, Name(topic), h.Value, value));
            }
            foreach (var h in have.Values.Where(h => !file.ContainsKey(h.TopicId)).OrderBy(h => Name(h.TopicId), Order))
                r.Changes.Add(new FormsChange(FormsChangeKind.Delete, isOffer, Name(h.TopicId), h.Value, null));
        }

        string Name(int topicId) => topics.GetValueOrDefault(topicId) ?? $"тема {topicId}";
    }
}
