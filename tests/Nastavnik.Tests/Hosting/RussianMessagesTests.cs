using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Nastavnik.Web.Features;
using Nastavnik.Web.Files;

namespace Nastavnik.Tests.Hosting;

public class RussianMessagesTests
{
    [Fact]
    public void Every_annotation_of_an_input_names_its_own_russian_message_so_the_api_never_answers_in_english()
    {
        var bare = typeof(Program).Assembly.GetTypes().Where(InputRules.IsInput)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => (Type: t, Property: p)))
            // A data type (a password field) only hints the editor and never refuses; the dates build their message themselves.
            .SelectMany(x => x.Property.GetCustomAttributes<ValidationAttribute>().Where(a => a is not (SchoolDateAttribute or DataTypeAttribute))
                .Where(a => a.ErrorMessage is null || !a.ErrorMessage.Any(c => c is >= 'А' and <= 'я'))
                .Select(a => $"{x.Type.Name}.{x.Property.Name}: [{a.GetType().Name}]"))
            .ToList();
        bare.ShouldBeEmpty();
    }

    [Fact]
    public void Text_for_an_export_keeps_what_xml_can_hold_and_drops_the_rest()
    {
        (string Stored, string Written)[] cases =
        [
            ("Звон\u0007кова", "Звонкова"),
            ("Учитель\u000bматематики\u001f", "Учительматематики"),
            ("Строка\r\nс\tтабуляцией", "Строка\r\nс\tтабуляцией"),
            ("Эмодзи 😀 целое, половинка " + '\ud83d', "Эмодзи 😀 целое, половинка "),
            ('\uffff' + "Имя" + '\ufffe', "Имя"),
        ];
        foreach (var (stored, written) in cases)
        {
            XmlText.Safe(stored).ShouldBe(written);
            XmlText.HasInvalid(written).ShouldBeFalse();
        }
    }
}
