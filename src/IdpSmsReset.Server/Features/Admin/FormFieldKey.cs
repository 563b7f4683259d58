namespace IdpSmsReset.Server.Features.Admin;

/// <summary>
/// The form field beside which a rule's problem is shown. Rules name fields as the bootstrap file does
/// (<c>password.minLength</c>, <c>redirectUris[0]</c>); a form binds them Pascal-cased under its prefix
/// (<c>Password.MinLength</c>, <c>Input.RedirectUris</c>), except where it shows a field under another name.
/// </summary>
public static class FormFieldKey
{
    public static string Of(string field, string prefix = "", IReadOnlyDictionary<string, string>? shownAs = null)
    {
        var path = field.Split('[')[0];
        return prefix + (shownAs?.GetValueOrDefault(path)
            ?? string.Join('.', path.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..])));
    }
}
