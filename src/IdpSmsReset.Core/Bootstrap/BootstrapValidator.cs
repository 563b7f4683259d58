using IdpSmsReset.Core.Applications;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace IdpSmsReset.Core.Bootstrap;

/// <summary>Checks every entry of a bootstrap document; each message names the entry and the field.</summary>
public static partial class BootstrapValidator
{
    public static IReadOnlyList<string> Validate(BootstrapDocument document)
    {
        var errors = new List<string>();
        ValidateApplications(document.Applications, errors);
        ValidatePolicies(document.Policies, errors);
        ValidateUsers(document.Users, errors);
        for (var index = 0; index < document.SmsTemplates.Count; index++)
        {
            var template = document.SmsTemplates[index];
            errors.AddRange(Messaging.Templates.SmsTemplateRules.Validate(template.Purpose, template.Language, template.Text)
                .Select(problem => $"smsTemplates[{index}].{problem.Field}: {problem.Problem}"));
        }
        ValidateIdentityProviders(document.IdentityProviders, errors);
        ValidateWebhooks(document.Webhooks, errors);
        if (document.SmsFraudGuard is { } guard)
        {
            errors.AddRange(Messaging.FraudGuard.SmsFraudGuardRules.Validate(guard)
                .Select(problem => $"smsFraudGuard.{problem.Field}: {problem.Problem}"));
        }

        if (document.SmsFactor is { } smsFactor)
        {
            // The token is required here: a bootstrap file cannot rely on one stored by an earlier start.
            errors.AddRange(Messaging.SmsFactorRules.Validate(smsFactor.ToInput(), hasStoredToken: false)
                .Select(problem => $"smsFactor.{problem.Field}: {problem.Problem}"));
            if (smsFactor.Secondary is { } secondary)
            {
                errors.AddRange(Messaging.SmsFactorRules.Validate(secondary.ToInput(), hasStoredToken: false)
                    .Select(problem => $"smsFactor.secondary.{problem.Field}: {problem.Problem}"));
            }
        }

        return errors;
    }

    private static void ValidateApplications(List<ApplicationDefinition> applications, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < applications.Count; index++)
        {
            var application = applications[index];
            var entry = $"applications[{index}]" + (string.IsNullOrWhiteSpace(application.ClientId) ? "" : $" ('{application.ClientId}')");
            void Fail(string field, string problem) => errors.Add($"{entry}.{field}: {problem}");

            if (string.IsNullOrWhiteSpace(application.ClientId))
            {
                Fail("clientId", "is required.");
            }
            else if (!seen.Add(application.ClientId))
            {
                Fail("clientId", "appears more than once.");
            }

            foreach (var (field, problem) in ApplicationRules.Validate(application, requireSecret: true))
            {
                Fail(field, problem);
            }
        }
    }

    // The issuer's scheme is checked again when saved, where the host says whether this is Development.
    private static void ValidateIdentityProviders(List<Federation.IdentityProviderDefinition> providers, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < providers.Count; index++)
        {
            var provider = providers[index];
            var entry = $"identityProviders[{index}]" + (string.IsNullOrWhiteSpace(provider.Name) ? "" : $" ('{provider.Name}')");
            if (!string.IsNullOrWhiteSpace(provider.Name) && !seen.Add(provider.Name))
            {
                errors.Add($"{entry}.name: appears more than once.");
            }

            errors.AddRange(Federation.IdentityProviderRules.Validate(provider, hasStoredSecret: false, allowLoopbackHttp: true)
                .Select(problem => $"{entry}.{problem.Field}: {problem.Problem}"));
        }
    }

    // Private networks are checked when saved, where the host's setting is known.
    private static void ValidateWebhooks(List<Events.WebhookDefinition> webhooks, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < webhooks.Count; index++)
        {
            var webhook = webhooks[index].NamedByUrlWhenUnnamed();
            var entry = $"webhooks[{index}]" + (string.IsNullOrWhiteSpace(webhook.Name) ? "" : $" ('{webhook.Name}')");
            if (!string.IsNullOrWhiteSpace(webhook.Name) && !seen.Add(webhook.Name.Trim()))
            {
                errors.Add($"{entry}.name: appears more than once.");
            }

            if (string.IsNullOrWhiteSpace(webhook.Secret))
            {
                errors.Add($"{entry}.secret: give the secret the receiver verifies with (whsec_ and a base64 key of 24 to 64 bytes).");
            }

            errors.AddRange(Events.WebhookRules.Validate(webhook, allowPrivateNetworks: true)
                .Select(problem => $"{entry}.{problem.Field}: {problem.Problem}"));
        }
    }

    private static void ValidatePolicies(List<BootstrapPolicy> policies, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < policies.Count; index++)
        {
            var source = policies[index];
            var entry = $"policies[{index}]" + (string.IsNullOrWhiteSpace(source.Name) ? "" : $" ('{source.Name}')");
            if (!string.IsNullOrWhiteSpace(source.Name) && !seen.Add(source.Name))
            {
                errors.Add($"{entry}.name: appears more than once.");
            }

            errors.AddRange(source.VocabularyProblems().Select(problem => $"{entry}.{problem.Field}: {problem.Problem}"));

            var policy = new Policies.SecurityPolicy { Name = source.Name ?? "" };
            source.ApplyTo(policy);
            errors.AddRange(Policies.SecurityPolicyRules.Validate(policy).Select(problem => $"{entry}.{problem.Field}: {problem.Problem}"));
        }

        if (policies.Count(policy => policy.IsDefault) > 1)
        {
            errors.Add("policies: only one policy can be the default (isDefault).");
        }
    }

    private static void ValidateUsers(List<BootstrapUser> users, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var emails = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < users.Count; index++)
        {
            var user = users[index];
            var entry = $"users[{index}]" + (string.IsNullOrWhiteSpace(user.UserName) ? "" : $" ('{user.UserName}')");
            void Fail(string field, string problem) => errors.Add($"{entry}.{field}: {problem}");

            if (string.IsNullOrWhiteSpace(user.UserName))
            {
                Fail("userName", "is required.");
            }
            else if (!seen.Add(user.UserName))
            {
                Fail("userName", "appears more than once.");
            }

            if (string.IsNullOrEmpty(user.Password) && string.IsNullOrEmpty(user.PasswordHash))
            {
                Fail("password", "is required, or passwordHash (either is used only when the user is first created).");
            }
            else if (!string.IsNullOrEmpty(user.Password) && !string.IsNullOrEmpty(user.PasswordHash))
            {
                Fail("password", "give a password or a passwordHash, not both.");
            }
            else if (user.PasswordHash is { Length: > 0 } hash
                && Users.ForeignPasswords.ForeignPasswordHash.ProblemForNewUser(hash, allowWeak: false, out _) is { } hashProblem)
            {
                Fail("passwordHash", hashProblem);
            }

            foreach (var unknown in SignIn.RequiredActions.Unknown(user.RequiredActions))
            {
                Fail("requiredActions", $"'{unknown}' is not one of {string.Join(", ", SignIn.RequiredActions.All)}.");
            }

            if (user.Email is not null && !MailAddress.TryCreate(user.Email, out _))
            {
                Fail("email", $"'{user.Email}' is not an email address.");
            }
            else if (user.Email is not null && !emails.TryAdd(user.Email.Trim(), entry))
            {
                // Sign-in and forgot password look accounts up by e-mail: one address must name one account.
                Fail("email", $"'{user.Email}' is already the address of {emails[user.Email.Trim()]}; e-mail addresses must be unique.");
            }

            if (user.PhoneNumber is not null && !E164().IsMatch(user.PhoneNumber))
            {
                Fail("phoneNumber", $"'{user.PhoneNumber}' must be in E.164 form, such as +14155550100.");
            }

            foreach (var (name, value) in user.Attributes)
            {
                if (Users.UserAttribute.ProblemOf(name, value) is { } problem)
                {
                    Fail($"attributes.{name}", problem);
                }
            }

            for (var role = 0; role < user.Roles.Count; role++)
            {
                if (string.IsNullOrWhiteSpace(user.Roles[role]))
                {
                    Fail($"roles[{role}]", "must not be empty.");
                }
            }
        }
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
