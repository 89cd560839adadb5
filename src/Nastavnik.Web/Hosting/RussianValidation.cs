using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.WebUtilities;
using Nastavnik.Web.Features;

namespace Nastavnik.Web.Hosting;

/// <summary>
/// Every message of model binding and validation in Russian, in one place: the binder's messages, default messages of annotations
/// that name none, numbers with a decimal comma and dates as a user types them (<see cref="RussianValueBinder"/>), the value rules of
/// <see cref="InputRules"/> on every input, and all errors of a form at once (the rules across fields even when a field is wrong).
/// The API's counterpart is <see cref="ApiValidationFilter"/> and <see cref="RussianProblems"/>.
/// </summary>
public static class RussianValidation
{
    public static void Configure(MvcOptions o)
    {
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"«{field}»: значение «{value}» не подходит.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Значение «{value}» не подходит.");
        m.SetUnknownValueIsInvalidAccessor(field => $"«{field}»: значение не подходит.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Значение не подходит.");
        m.SetValueIsInvalidAccessor(value => $"Значение «{value}» не подходит.");
        m.SetValueMustBeANumberAccessor(field => $"«{field}»: нужно число.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Нужно число.");
        m.SetMissingBindRequiredValueAccessor(field => $"«{field}»: укажите значение.");
        m.SetMissingKeyOrValueAccessor(() => "Укажите значение.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Запрос пустой: нужны данные.");
        m.SetValueMustNotBeNullAccessor(_ => "Укажите значение.");
        o.ModelBinderProviders.Insert(0, new RussianValueBinderProvider());
        o.ModelMetadataDetailsProviders.Add(new RussianAnnotationMessages());
        o.ModelValidatorProviders.Add(new ValueRulesValidatorProvider());
        o.ValidateComplexTypesIfChildValidationFails = true;
    }

    /// <summary>
    /// No client-side validation library is served, so the data-val-* attributes (with the framework's English defaults such as
    /// «The Version field is required.») are not written into the pages; the server shows every message in Russian.
    /// </summary>
    public static void ConfigureViews(MvcViewOptions o) => o.HtmlHelperOptions.ClientValidationEnabled = false;

    /// <summary>The Russian default of an annotation that names no message ({0} is the field's name).</summary>
    public static string DefaultMessage(ValidationAttribute a) => a switch
    {
        RequiredAttribute => "Заполните поле «{0}».",
        StringLengthAttribute or MaxLengthAttribute => "«{0}» длиннее {1} символов.",
        MinLengthAttribute => "«{0}» короче {1} символов.",
        RangeAttribute => "«{0}» — от {1} до {2}.",
        EmailAddressAttribute => "«{0}»: адрес электронной почты записан неверно.",
        CompareAttribute => "«{0}» и «{1}» не совпадают.",
        _ => "«{0}»: неверное значение.",
    };

    /// <summary>Annotations without a message of their own (and the implicit «required» of MVC) speak Russian.</summary>
    private sealed class RussianAnnotationMessages : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var a in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
                if (a.ErrorMessage is null && a.ErrorMessageResourceType is null && a.ErrorMessageResourceName is null)
                    a.ErrorMessage = DefaultMessage(a);
        }
    }

    /// <summary>Adds <see cref="InputRules.ValueProblems"/> to every input of the app; MVC visits nested inputs itself.</summary>
    private sealed class ValueRulesValidatorProvider : IModelValidatorProvider
    {
        public void CreateValidators(ModelValidatorProviderContext context)
        {
            if (context.ModelMetadata.MetadataKind == ModelMetadataKind.Type && InputRules.IsInput(context.ModelMetadata.ModelType))
                context.Results.Add(new ValidatorItem { Validator = new ValueRulesValidator(), IsReusable = true });
        }
    }

    private sealed class ValueRulesValidator : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context) => context.Model is null ? []
            : InputRules.ValueProblems(context.Model, recurse: false).Select(r => new ModelValidationResult(r.MemberNames.FirstOrDefault(), r.ErrorMessage));
    }
}

/// <summary>
/// The API's problems in Russian: a request whose JSON cannot be read (a word where a number is asked, a date of 20255), a missing
/// sign-in, a forbidden or missing resource; a problem a command already wrote in Russian keeps its title.
/// </summary>
public static class RussianProblems
{
    public static void Configure(Microsoft.AspNetCore.Http.ProblemDetailsOptions o) => o.CustomizeProblemDetails = c =>
    {
        var p = c.ProblemDetails;
        var status = p.Status ?? c.HttpContext.Response.StatusCode;
        if (p.Title is not null && p.Title != ReasonPhrases.GetReasonPhrase(status)) return;
        p.Title = status switch
        {
            400 => "Запрос не прочитан: проверьте данные — текст в кавычках, числа числом (16 или 2.5), даты в виде 2026-09-01, значения из списка.",
            401 => "Нужно войти в систему.",
            403 => "Недостаточно прав.",
            404 => "Не найдено.",
            405 => "Такой запрос к этому адресу не поддерживается.",
            409 => "Запрос противоречит текущему состоянию данных.",
            413 => "Запрос слишком большой.",
            415 => "Нужен запрос в формате JSON (Content-Type: application/json).",
            >= 500 => "Внутренняя ошибка сервера. Повторите попытку позже; если ошибка повторится, сообщите администратору.",
            _ => p.Title,
        };
    };
}
