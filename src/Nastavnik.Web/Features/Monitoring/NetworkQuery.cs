using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>A person of the network: their name and whether they mentor, are mentored, or both.</summary>
public sealed record NetworkNode(int Id, string Name, bool Mentor, bool Mentee)
{
    public bool Both => Mentor && Mentee;
}

/// <summary>A pair as an edge from the mentor to the mentee, with its direction (the topic's) and whether it still works.</summary>
public sealed record NetworkEdge(int Pair, int Mentor, int Mentee, int Direction, bool Live);

/// <summary>A direction of the catalog with the colour its edges are drawn in.</summary>
public sealed record NetworkDirection(int Id, string Name, string Color);

/// <summary>A table row of the text alternative: who mentors whom in what.</summary>
public sealed record NetworkRow(string Mentor, string Mentee, string Direction, string Topic, bool Live, bool MentorBoth, bool MenteeBoth);

/// <summary>The mentoring network of a program: people, pairs and the directions that colour them. Managers only (it names pairs, ADR-004).</summary>
public sealed record Network(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges, IReadOnlyList<NetworkDirection> Directions)
{
    /// <summary>The text alternative of the graph for screen readers and without scripts, in the order of mentors' names.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<NetworkRow> Rows { get; init; } = [];
}

/// <summary>
/// Reads the network in one query of the program's pairs (approved, working and completed; a pair ended early is not a link any more)
/// with the names, topics and directions.
/// </summary>
public static class NetworkQuery
{
    /// <summary>A palette distinguishable for colour-blind readers (Okabe–Ito and Tol), repeated when there are more directions.</summary>
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#882255", "#117733", "#999933", "#332288"];

    public static async Task<Network?> LoadAsync(AppDbContext db, int programId, CancellationToken ct)
    {
        if (!await db.Programs.AnyAsync(p => p.Id == programId, ct)) return null;
        var pairs = await db.MentoringPairs.AsNoTracking()
            .Where(p => p.ProgramId == programId && p.Status != PairStatus.EndedEarly)
            .Select(p => new
            {
                p.Id, p.MentorId, p.MenteeId, p.Status, Topic = p.Topic!.Name, p.Topic.DirectionId,
                MentorLast = p.Mentor!.LastName, MentorFirst = p.Mentor.FirstName, MentorMiddle = p.Mentor.MiddleName,
                MenteeLast = p.Mentee!.LastName, MenteeFirst = p.Mentee.FirstName, MenteeMiddle = p.Mentee.MiddleName,
            })
            .ToListAsync(ct);
        var directions = await db.Directions.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var used = pairs.Select(p => p.DirectionId).ToHashSet();
        var palette = directions.Select((d, i) => new NetworkDirection(d.Id, d.Name, Palette[i % Palette.Length])).Where(d => used.Contains(d.Id)).ToList();
        var directionName = directions.ToDictionary(d => d.Id, d => d.Name);

        var names = new Dictionary<int, string>();
        var mentors = new HashSet<int>();
        var mentees = new HashSet<int>();
        foreach (var p in pairs)
        {
            names[p.MentorId] = PersonName.Full(p.MentorLast, p.MentorFirst, p.MentorMiddle);
            names[p.MenteeId] = PersonName.Full(p.MenteeLast, p.MenteeFirst, p.MenteeMiddle);
            mentors.Add(p.MentorId);
            mentees.Add(p.MenteeId);
        }
        var order = StringComparer.Create(RussianText.Culture, ignoreCase: true);
        var nodes = names.OrderBy(n => n.Value, order).ThenBy(n => n.Key)
            .Select(n => new NetworkNode(n.Key, n.Value, mentors.Contains(n.Key), mentees.Contains(n.Key))).ToList();
        var live = (PairStatus s) => s is PairStatus.Approved or PairStatus.Active;
        var edges = pairs.OrderBy(p => p.Id).Select(p => new NetworkEdge(p.Id, p.MentorId, p.MenteeId, p.DirectionId, live(p.Status))).ToList();
        var rows = pairs.Select(p => new NetworkRow(names[p.MentorId], names[p.MenteeId], directionName.GetValueOrDefault(p.DirectionId, "—"), p.Topic, live(p.Status),
                mentees.Contains(p.MentorId), mentors.Contains(p.MenteeId)))
            .OrderBy(r => r.Mentor, order).ThenBy(r => r.Mentee, order).ThenBy(r => r.Topic, order).ToList();
        return new Network(nodes, edges, palette) { Rows = rows };
    }
}
