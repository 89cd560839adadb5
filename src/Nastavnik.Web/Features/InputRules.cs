using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features;

/// <summary>
/// One set of value rules for every input a user or a program sends (StaffInput, ProgramInput, EventInput, …), used by the
/// commands, the API's validation filter, the pages' model validation and the imports' row checks alike: every problem of an
/// input at once, in Russian, including what annotations cannot say — text with characters a document cannot hold, a value of
/// an enumeration that does not exist.
/// </summary>
public static class InputRules
{
    /// <summary>The earliest year a date of the school's work (a program, an event, a consent) may have.</summary>
    public const int MinYear = 2000;

    /// <summary>How many years ahead of today a planned date may lie.</summary>
    public const int YearsAhead = 10;

    /// <summary>Every problem of <paramref name="input"/>: its annotations, its rules across fields (even when a field is wrong) and the value rules.</summary>
    public static List<ValidationResult> Validate(object input, IServiceProvider? services)
    {
        var context = new ValidationContext(input, services, null);
        var results = new List<ValidationResult>();
        // The validator skips the rules across fields when a field is wrong; a user should read them all at once.
        if (!Validator.TryValidateObject(input, context, results, validateAllProperties: true) && input is IValidatableObject v)
            results.AddRange(v.Validate(context));
        results.AddRange(ValueProblems(input, recurse: true));
        return results.DistinctBy(r => r.ErrorMessage).ToList();
    }

    /// <summary>Every problem of <paramref name="input"/>, with <paramref name="clock"/> as the app's clock (for commands and imports outside a request).</summary>
    public static List<ValidationResult> Validate(object input, TimeProvider clock) => Validate(input, new ClockServices(clock));

    /// <summary>The refusal of a command for <paramref name="input"/>, or null when it passes every rule.</summary>
    public static CommandError? Check(object input, TimeProvider clock, string message)
    {
        var problems = Validate(input, clock);
        return problems.Count == 0 ? null : CommandError.Invalid(message, problems.Select(r => r.ErrorMessage ?? "Неверное значение.").ToList());
    }

    /// <summary>
    /// Text with characters XML cannot hold (control characters other than tab and line breaks, lone surrogates) and values of an
    /// enumeration that it does not define; <paramref name="recurse"/> also checks lists of nested inputs (a program's indicators).
    /// </summary>
    public static IEnumerable<ValidationResult> ValueProblems(object input, bool recurse, string prefix = "")
    {
        foreach (var property in input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead || !property.CanWrite) continue;
            var value = property.GetValue(input);
            var member = prefix + property.Name;
            switch (value)
            {
                case null:
                    continue;
                case string text when Unprintable(text, DisplayName(property)) is { } error:
                    yield return new ValidationResult(error.Message, [member]);
                    break;
                case Enum e when !IsDefined(e):
                    yield return new ValidationResult($"«{DisplayName(property)}»: такого значения нет ({Convert.ToInt64(e, CultureInfo.InvariantCulture)}).", [member]);
                    break;
                case IEnumerable list and not string:
                    var i = 0;
                    foreach (var item in list)
                    {
                        if (item is Enum ie && !IsDefined(ie))
                            yield return new ValidationResult($"«{DisplayName(property)}»: такого значения нет ({Convert.ToInt64(ie, CultureInfo.InvariantCulture)}).", [member]);
                        else if (recurse && item is not null && IsInput(item.GetType()))
                            foreach (var r in ValueProblems(item, recurse, $"{member}[{i}]."))
                                yield return r;
                        i++;
                    }
                    break;
            }
        }
    }

    /// <summary>The refusal of a bare text a command takes (a stage's or a round's title, a catalog name) with characters XML cannot hold.</summary>
    public static CommandError? Unprintable(string? text, string field) => text is not null && XmlText.HasInvalid(text)
        ? CommandError.Invalid($"«{field}»: есть непечатаемые символы (их приносит текст, скопированный из другой программы). Удалите их и сохраните снова.")
        : null;

    /// <summary>The app's own input types (and their nested ones): the rules apply to them, not to framework types.</summary>
    public static bool IsInput(Type type) => type.Namespace?.StartsWith("Nastavnik.Web.Features", StringComparison.Ordinal) == true && type.IsClass;

    private static bool IsDefined(Enum e)
    {
        var type = e.GetType();
        if (type.GetCustomAttribute<FlagsAttribute>() is null) return Enum.IsDefined(type, e);
        var all = Enum.GetValues(type).Cast<Enum>().Aggregate(0L, (a, x) => a | Convert.ToInt64(x, CultureInfo.InvariantCulture));
        var value = Convert.ToInt64(e, CultureInfo.InvariantCulture);
        return (value & ~all) == 0;
    }

    private static string DisplayName(PropertyInfo p) => p.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? p.Name;

    private sealed class ClockServices(TimeProvider clock) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(TimeProvider) ? clock : null;
    }
}

/// <summary>
/// A date of the school's work: from <see cref="InputRules.MinYear"/> to <see cref="InputRules.YearsAhead"/> years ahead. A program
/// dated 1900 or an event in 1990 is a typing slip, refused with the field's name and the date as the user wrote it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SchoolDateAttribute(string ofWhat) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not DateOnly date) return ValidationResult.Success;
        var last = ((TimeProvider?)validationContext.GetService(typeof(TimeProvider)) ?? TimeProvider.System).Today().Year + InputRules.YearsAhead;
        if (date.Year >= InputRules.MinYear && date.Year <= last) return ValidationResult.Success;
        return new ValidationResult(
            $"«{validationContext.DisplayName}»: {RussianText.Date(date)} — такой даты у {ofWhat} быть не может, год — от {InputRules.MinYear} до {last}.",
            validationContext.MemberName is { } m ? [m] : []);
    }
}
