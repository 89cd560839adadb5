using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>The Russian words of a pair's life.</summary>
public static class PairTexts
{
    /// <summary>«утверждена», «работает», «завершена», «завершена досрочно».</summary>
    public static string Status(PairStatus s) => s switch
    {
        PairStatus.Approved => "утверждена",
        PairStatus.Active => "работает",
        PairStatus.Completed => "завершена",
        _ => "завершена досрочно",
    };

    public static string Badge(PairStatus s) => s switch
    {
        PairStatus.Approved => "text-bg-secondary",
        PairStatus.Active => "text-bg-success",
        PairStatus.Completed => "text-bg-primary",
        _ => "text-bg-warning",
    };

    public static string Reason(PairEndReason r) => r switch
    {
        PairEndReason.DidNotWork => "пара не сложилась",
        PairEndReason.TeacherLeft => "педагог уволился",
        PairEndReason.NeedMet => "дефицит преодолён",
        _ => "другое",
    };

    public static readonly IReadOnlyList<PairEndReason> Reasons = [PairEndReason.DidNotWork, PairEndReason.TeacherLeft, PairEndReason.NeedMet, PairEndReason.Other];
    public static readonly IReadOnlyList<PairStatus> Statuses = [PairStatus.Approved, PairStatus.Active, PairStatus.Completed, PairStatus.EndedEarly];
}
