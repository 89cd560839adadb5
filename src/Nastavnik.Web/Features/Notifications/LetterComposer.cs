using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>A letter's text as the outbox stores it.</summary>
public sealed record ComposedLetter(string Subject, string TextBody, string HtmlBody);

/// <summary>An item of a letter: a notification's title and where it leads. Nothing else of a notification goes into a letter.</summary>
public sealed record LetterItem(string Title, string? Link);

/// <summary>
/// Writes the letters of notifications in Russian, plain text and simple HTML: the day's digest and an urgent notice. A letter
/// carries titles and links only (never deficits, answers or a notification's text), the school's name, the settings page and the
/// one-click unsubscribe link.
/// </summary>
public sealed class LetterComposer(IOptions<PublicUrlOptions> publicUrl, UnsubscribeTokens unsubscribe)
{
    /// <summary>The kind of an outbox letter that gathers a day's notifications.</summary>
    public const string DigestKind = "digest";
    public const int MaxItems = 30;
    // Cyrillic stays readable in the HTML part; markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static bool IsUnsubscribable(string kind) => kind == DigestKind || NotificationKinds.Find(kind) is not null;

    /// <summary>What the unsubscribe link of a letter of <paramref name="kind"/> turns off: the digest stops every letter.</summary>
    public static string UnsubscribeKindOf(string kind) => kind == DigestKind ? Unsubscription.AllKinds : kind;

    public ComposedLetter Digest(int schoolId, string userId, string schoolName, string personName, DateOnly day, IReadOnlyList<LetterItem> items)
    {
        var subject = $"Наставник: новое для вас на {RussianText.Date(day)} ({items.Count})";
        var lead = items.Count == 1 ? "В системе «Наставник» для вас новое уведомление:" : "В системе «Наставник» для вас новые уведомления:";
        return Compose(subject, personName, lead, schoolName, items, new Unsubscription(schoolId, userId, Unsubscription.AllKinds),
            "Отписаться от всех писем");
    }

    public ComposedLetter Urgent(int schoolId, string userId, string schoolName, string personName, string kind, LetterItem item)
    {
        var subject = "Наставник: " + item.Title;
        return Compose(subject, personName, "Срочное уведомление в системе «Наставник»:", schoolName, [item],
            new Unsubscription(schoolId, userId, kind), "Не присылать такие письма");
    }

    private ComposedLetter Compose(string subject, string name, string lead, string school, IReadOnlyList<LetterItem> items, Unsubscription unsub, string unsubText)
    {
        var shown = items.Take(MaxItems).ToList();
        var more = items.Count - shown.Count;
        var settings = Link("/Notifications/Settings");
        var all = Link("/Notifications");
        var off = unsubscribe.Link(unsub);

        var text = new StringBuilder();
        text.Append("Здравствуйте, ").Append(name).Append("!\n\n").Append(lead).Append("\n\n");
        foreach (var i in shown) text.Append("• ").Append(i.Title).Append('\n').Append("  ").Append(Link(i.Link ?? "/Notifications")).Append('\n');
        if (more > 0) text.Append("…и ещё ").Append(more).Append(": ").Append(all).Append('\n');
        text.Append("\nВсе уведомления: ").Append(all).Append('\n');
        text.Append("\n--\nПисьмо отправлено системой «Наставник» (").Append(school).Append(").\n");
        text.Append("Настроить письма: ").Append(settings).Append('\n');
        text.Append(unsubText).Append(": ").Append(off).Append('\n');

        var h = Html;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>").Append(h.Encode(subject)).Append("</title></head>");
        html.Append("<body style=\"font-family:Arial,sans-serif;font-size:15px;color:#222\">");
        html.Append("<p>Здравствуйте, ").Append(h.Encode(name)).Append("!</p><p>").Append(h.Encode(lead)).Append("</p><ul>");
        foreach (var i in shown)
            html.Append("<li><a href=\"").Append(h.Encode(Link(i.Link ?? "/Notifications"))).Append("\">").Append(h.Encode(i.Title)).Append("</a></li>");
        html.Append("</ul>");
        if (more > 0) html.Append("<p>…и ещё ").Append(more).Append(".</p>");
        html.Append("<p><a href=\"").Append(h.Encode(all)).Append("\">Все уведомления</a></p>");
        html.Append("<hr><p style=\"font-size:12px;color:#666\">Письмо отправлено системой «Наставник» (").Append(h.Encode(school)).Append(").<br>");
        html.Append("<a href=\"").Append(h.Encode(settings)).Append("\">Настроить письма</a> · ");
        html.Append("<a href=\"").Append(h.Encode(off)).Append("\">").Append(h.Encode(unsubText)).Append("</a></p></body></html>");
        return new ComposedLetter(subject.Length > 300 ? subject[..299] + "…" : subject, text.ToString(), html.ToString());
    }

    private string Link(string path) => PublicLinks.Absolute(publicUrl.Value, path);
}
