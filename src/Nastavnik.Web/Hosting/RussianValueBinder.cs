using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Nastavnik.Web.Hosting;

/// <summary>Binds numbers and dates of a form the way a Russian user types them (<see cref="RussianValueBinder"/>).</summary>
public sealed class RussianValueBinderProvider : IModelBinderProvider
{
    private static readonly Type[] Types = [typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(DateOnly)];

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return Types.Contains(type) ? new RussianValueBinder(type, context.Metadata.IsReferenceOrNullableType) : null;
    }
}

/// <summary>
/// A number with a decimal comma or point («4,5», «4.5», «1 000»), a whole number, a date as the date field sends it (2026-09-01)
/// or as typed (01.09.2026). What does not read gets a message naming the field and what was expected, never a silent
/// «4,5» → 45 or an English sentence.
/// </summary>
public sealed class RussianValueBinder(Type type, bool nullable) : IModelBinder
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"];

    public Task BindModelAsync(ModelBindingContext context)
    {
        var result = context.ValueProvider.GetValue(context.ModelName);
        if (result == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, result);
        var text = result.FirstValue?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (nullable) context.Result = ModelBindingResult.Success(null);
            else context.ModelState.TryAddModelError(context.ModelName, context.ModelMetadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(text));
            return Task.CompletedTask;
        }
        if (Parse(text) is { } value) context.Result = ModelBindingResult.Success(value);
        else context.ModelState.TryAddModelError(context.ModelName, Message(context.ModelMetadata.GetDisplayName(), text));
        return Task.CompletedTask;
    }

    private object? Parse(string text)
    {
        if (type == typeof(DateOnly))
            return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        // Spaces (also non-breaking) group thousands; a comma is the Russian decimal separator.
        var number = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace(',', '.');
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return null;
        if (type == typeof(decimal)) return n;
        if (type == typeof(double)) return (double)n;
        if (n != decimal.Truncate(n)) return null;
        if (type == typeof(int)) return n is >= int.MinValue and <= int.MaxValue ? (int)n : null;
        return n is >= long.MinValue and <= long.MaxValue ? (long)n : null;
    }

    private string Message(string field, string text) => type == typeof(DateOnly)
        ? $"«{field}»: «{text}» — не дата. Укажите дату в виде дд.мм.гггг."
        : type == typeof(decimal) || type == typeof(double)
            ? $"«{field}»: «{text}» — не число. Укажите число, например 4,5."
            : $"«{field}»: «{text}» — не целое число. Укажите целое число, например 16.";
}
