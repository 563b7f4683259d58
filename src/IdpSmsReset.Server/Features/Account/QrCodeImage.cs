using QRCoder;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>QR codes as <c>data:</c> PNG URLs (the content security policy allows <c>img-src data:</c>; nothing leaves the page).</summary>
internal static class QrCodeImage
{
    public static string DataUrlOf(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule: 5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
