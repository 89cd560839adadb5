using System.ComponentModel.DataAnnotations;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>The terms of a pair's agreement (договор о наставничестве) as the curator or the mentor edits them.</summary>
public sealed class AgreementInput : IValidatableObject
{
    [StringLength(40, ErrorMessage = "Номер договора длиннее 40 символов.")]
    [Display(Name = "Номер")]
    public string? Number { get; set; }

    [Display(Name = "Дата заключения")]
    [SchoolDate("заключения договора")]
    public DateOnly ConcludedOn { get; set; }

    [Display(Name = "Действует до")]
    [SchoolDate("окончания договора")]
    public DateOnly ValidUntil { get; set; }

    [Required(ErrorMessage = "Укажите предмет договора.")]
    [StringLength(2000, ErrorMessage = "Предмет договора длиннее 2000 символов.")]
    [Display(Name = "Предмет договора")]
    public string Subject { get; set; } = "";

    [Required(ErrorMessage = "Укажите форму наставничества.")]
    [StringLength(200, ErrorMessage = "Форма наставничества длиннее 200 символов.")]
    [Display(Name = "Форма наставничества")]
    public string Form { get; set; } = "";

    [Required(ErrorMessage = "Укажите обязанности наставника.")]
    [StringLength(4000, ErrorMessage = "Обязанности наставника длиннее 4000 символов.")]
    [Display(Name = "Обязанности наставника")]
    public string MentorDuties { get; set; } = "";

    [Required(ErrorMessage = "Укажите обязанности наставляемого.")]
    [StringLength(4000, ErrorMessage = "Обязанности наставляемого длиннее 4000 символов.")]
    [Display(Name = "Обязанности наставляемого")]
    public string MenteeDuties { get; set; } = "";

    [Required(ErrorMessage = "Укажите порядок встреч.")]
    [StringLength(1000, ErrorMessage = "Порядок встреч длиннее 1000 символов.")]
    [Display(Name = "Порядок встреч")]
    public string MeetingTerms { get; set; } = "";

    [StringLength(4000, ErrorMessage = "Дополнительные условия длиннее 4000 символов.")]
    [Display(Name = "Дополнительные условия")]
    public string? ExtraTerms { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ValidUntil < ConcludedOn)
            yield return new ValidationResult("Договор не может закончиться раньше, чем заключён.", [nameof(ValidUntil)]);
    }

    public static AgreementInput From(PairAgreement a) => new()
    {
        Number = a.Number, ConcludedOn = a.ConcludedOn, ValidUntil = a.ValidUntil, Subject = a.Subject, Form = a.Form,
        MentorDuties = a.MentorDuties, MenteeDuties = a.MenteeDuties, MeetingTerms = a.MeetingTerms, ExtraTerms = a.ExtraTerms,
    };

    /// <summary>Whether these terms differ from the agreement's (an acceptance is of the terms, so a change clears it).</summary>
    public bool Differs(PairAgreement a) => Number != a.Number || ConcludedOn != a.ConcludedOn || ValidUntil != a.ValidUntil || Subject != a.Subject
        || Form != a.Form || MentorDuties != a.MentorDuties || MenteeDuties != a.MenteeDuties || MeetingTerms != a.MeetingTerms || ExtraTerms != a.ExtraTerms;

    public void ApplyTo(PairAgreement a)
    {
        (a.Number, a.ConcludedOn, a.ValidUntil, a.Subject, a.Form) = (Number, ConcludedOn, ValidUntil, Subject, Form);
        (a.MentorDuties, a.MenteeDuties, a.MeetingTerms, a.ExtraTerms) = (MentorDuties, MenteeDuties, MeetingTerms, ExtraTerms);
    }

    /// <summary>Trims the texts; empty optional ones become null.</summary>
    public void Normalize()
    {
        Number = string.IsNullOrWhiteSpace(Number) ? null : Number.Trim();
        ExtraTerms = string.IsNullOrWhiteSpace(ExtraTerms) ? null : ExtraTerms.Trim();
        (Subject, Form, MentorDuties, MenteeDuties, MeetingTerms) = (Subject.Trim(), Form.Trim(), MentorDuties.Trim(), MenteeDuties.Trim(), MeetingTerms.Trim());
    }
}
