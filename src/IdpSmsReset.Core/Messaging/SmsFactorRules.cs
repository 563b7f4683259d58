using IdpSmsReset.Core.Problems;
using System.Text.RegularExpressions;

namespace IdpSmsReset.Core.Messaging;

/// <summary>The shape rules for SMS factor settings, one place for the bootstrap, the dashboard and any API.</summary>
public static partial class SmsFactorRules
{
    /// <summary>Problems by field name (camelCase, as in the bootstrap file and the forms).</summary>
    public static IReadOnlyList<FieldProblem> Validate(SmsFactorInput input, bool hasStoredToken)
    {
        var problems = new List<FieldProblem>();
        if (input.AccountSid is null || !AccountSid().IsMatch(input.AccountSid))
        {
            problems.Add(new("accountSid", "must be a Twilio Account SID: AC followed by 32 hexadecimal characters."));
        }

        if (string.IsNullOrEmpty(input.AuthToken) && !hasStoredToken)
        {
            problems.Add(new("authToken", "is required."));
        }

        var hasFrom = !string.IsNullOrWhiteSpace(input.From);
        var hasService = !string.IsNullOrWhiteSpace(input.MessagingServiceSid);
        if (hasFrom == hasService)
        {
            problems.Add(new(
                "from", "give either a sending phone number (from) or a Messaging Service SID (messagingServiceSid), not both."));
        }
        else if (hasFrom && !PhoneNumberRules.TryNormalize(input.From, out _, out _, out var problem))
        {
            problems.Add(new("from", problem!.English));
        }
        else if (hasService && !MessagingServiceSid().IsMatch(input.MessagingServiceSid!))
        {
            problems.Add(new("messagingServiceSid", "must be a Messaging Service SID: MG followed by 32 hexadecimal characters."));
        }

        if (input.PhoneField is { } field && !Users.UserAttribute.IsValidName(field))
        {
            problems.Add(new("phoneField", "must be PhoneNumber or the name of a custom user attribute (letters, digits, '_', '-', '.')."));
        }

        for (var index = 0; index < input.AllowedCountries.Count; index++)
        {
            if (!PhoneNumberRules.IsKnownCountry(input.AllowedCountries[index]))
            {
                problems.Add(new($"allowedCountries[{index}]",
                    $"'{input.AllowedCountries[index]}' is not an ISO 3166 two-letter country code."));
            }
        }

        return problems;
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSid();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    private static partial Regex MessagingServiceSid();
}
