namespace IdpSmsReset.Core.Messaging.Templates;

/// <summary>
/// How an SMS is billed: GSM-7 (160 characters, or 153 a segment once split; the extension characters count twice)
/// when every character is in the GSM 03.38 alphabet, else UCS-2 (70, or 67 a segment, in UTF-16 units).
/// </summary>
public static class SmsSegments
{
    private const string Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
        + "¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    public static (string Encoding, int Length, int Segments) Of(string text)
    {
        if (text.All(character => Basic.Contains(character) || Extension.Contains(character)))
        {
            var septets = text.Sum(character => Extension.Contains(character) ? 2 : 1);
            return ("GSM-7", septets, septets <= 160 ? 1 : (int)Math.Ceiling(septets / 153.0));
        }

        return ("UCS-2", text.Length, text.Length <= 70 ? 1 : (int)Math.Ceiling(text.Length / 67.0));
    }
}
