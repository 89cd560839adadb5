using QRCoder;

namespace Nastavnik.Web.Files;

/// <summary>One cut-out card of a sign-in slip: whose it is, the login, the one-time code, the address, and the link its QR code opens.</summary>
public sealed record SlipCard(string Name, string Login, string Code, string Address, string Link);

/// <summary>What both slip writers share: the card layout (8 per A4 page, 2 × 4), the wording, and the QR code as a PNG.</summary>
public static class SlipCards
{
    public const int PerPage = 8, Columns = 2, Rows = 4;
    public const string Heading = "Вход в «Наставник»";
    public const string Instruction = "Отсканируйте QR-код телефоном или откройте адрес, введите логин и код и придумайте пароль. Код действует один раз, 14 дней.";

    /// <summary>The QR code of the link, black on white, 8 pixels a module, with the standard quiet zone.</summary>
    public static byte[] QrPng(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }

    /// <summary>The QR code's modules (true: dark), with the quiet zone, for writers that draw it as vector squares.</summary>
    public static bool[][] QrModules(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray()).ToArray();
    }
}
