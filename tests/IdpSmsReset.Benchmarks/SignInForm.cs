using System.Net;
using System.Text.RegularExpressions;

namespace IdpSmsReset.Benchmarks;

/// <summary>
/// The sign-in form of whichever server answered, read the way a browser's password manager reads it: the form with
/// the password field, where it posts, and the hidden fields it carries (an anti-forgery token, a return URL).
/// </summary>
public sealed partial record SignInForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Hidden)
{
    public const string UserNameField = "Input.UserName";
    public const string PasswordField = "Input.Password";

    /// <summary>The form on <paramref name="html"/>, served at <paramref name="pageUrl"/>; null when the page has none.</summary>
    public static SignInForm? Find(string html, string pageUrl)
    {
        foreach (Match form in FormElement().Matches(html))
        {
            var body = form.Groups["body"].Value;
            if (!body.Contains($"name=\"{PasswordField}\"", StringComparison.Ordinal))
            {
                continue;
            }

            var action = Attribute(form.Groups["attributes"].Value, "action");
            var hidden = InputElement().Matches(body)
                .Select(input => input.Value)
                .Where(input => Attribute(input, "type") == "hidden" && Attribute(input, "name") is not null)
                .Select(input => new KeyValuePair<string, string>(Attribute(input, "name")!, Attribute(input, "value") ?? ""))
                .ToList();
            return new SignInForm(string.IsNullOrEmpty(action) ? pageUrl : action, hidden);
        }

        return null;
    }

    public IEnumerable<KeyValuePair<string, string>> FilledIn(string userName, string password) =>
        [.. Hidden, new(UserNameField, userName), new(PasswordField, password)];

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"(?<value>[^\"]*)\"") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : null;

    [GeneratedRegex("<form(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputElement();
}
