using System.Text.RegularExpressions;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// The tables some cache holds rows of, and which of them a statement writes, read from the SQL EF Core sends (table
/// names as mapped, in any provider's quoting). Two kinds: rows kept per instance for <c>Idp:Cache:MaxAge</c> on the hot
/// read paths (tokens, authorizations, users: only an update or delete makes them stale), and configuration kept until
/// its area's change stamp moves (<see cref="ChangeAreas"/>: any insert, update or delete changes it).
/// </summary>
public static partial class CachedTables
{
    /// <summary>The area whose change stamp each configuration table moves, the one place that says which.</summary>
    public static readonly IReadOnlyList<(string Table, string Area)> Stamped =
    [
        ("SecurityPolicies", ChangeAreas.Policies),
        ("SmsFactorSettings", ChangeAreas.SmsFactor),
        ("SmsTemplates", ChangeAreas.SmsTemplates),
        ("OpenIddictApplications", ChangeAreas.Applications),
        ("TokenKeys", ChangeAreas.Keys),
        ("IdentityProviders", ChangeAreas.IdentityProviders),
        ("WebhookSubscriptions", ChangeAreas.Webhooks),
        ("SmsFraudGuardSettings", ChangeAreas.SmsFraudGuard),
        ("SmsFraudAlerts", ChangeAreas.SmsFraudGuard),
    ];

    [Flags]
    public enum Written
    {
        None = 0,
        Tokens = 1,
        Users = 2,
    }

    /// <summary>Which per-instance cached rows a statement changes: an update or delete of them.</summary>
    public static Written Changes(string commandText)
    {
        if (!commandText.Contains("UPDATE ", StringComparison.Ordinal) && !commandText.Contains("DELETE ", StringComparison.Ordinal))
        {
            return Written.None;
        }

        var tokens = commandText.Contains("OpenIddictTokens", StringComparison.Ordinal)
            || commandText.Contains("OpenIddictAuthorizations", StringComparison.Ordinal);
        var users = commandText.Contains("AspNetUsers", StringComparison.Ordinal);
        return (tokens ? Written.Tokens : Written.None) | (users ? Written.Users : Written.None);
    }

    /// <summary>
    /// The areas whose configuration a statement changes: the tables it inserts into, updates or deletes from (also
    /// under an alias, as SQL Server's bulk updates write them). A table only named (a subquery, a foreign key in a
    /// migration's DDL, a migration's copy into a temporary table) is not written.
    /// </summary>
    public static IReadOnlyList<string> StampedAreas(string commandText)
    {
        if (!commandText.Contains("INSERT ", StringComparison.Ordinal) && !commandText.Contains("UPDATE ", StringComparison.Ordinal)
            && !commandText.Contains("DELETE ", StringComparison.Ordinal))
        {
            return [];
        }

        List<string>? areas = null;
        foreach (Match write in WriteTarget().Matches(commandText))
        {
            var target = write.Groups["target"].Value;
            // Only SQL Server's statements (bracketed names) write through an alias: the other providers skip the search.
            var table = AreaOf(target) is null && commandText.Contains('[') ? AliasedTable().Matches(commandText)
                .FirstOrDefault(aliased => aliased.Groups["alias"].Value == target)?.Groups["table"].Value : target;
            if (table is not null && AreaOf(table) is { } area && !(areas?.Contains(area) ?? false))
            {
                (areas ??= []).Add(area);
            }
        }

        return areas ?? (IReadOnlyList<string>)[];
    }

    private static string? AreaOf(string table)
    {
        foreach (var (stamped, area) in Stamped)
        {
            if (stamped == table)
            {
                return area;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[""\[`]?(?<target>\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex WriteTarget();

    [GeneratedRegex(@"\bFROM\s+[""\[`]?(?<table>\w+)[""\]`]?\s+AS\s+[""\[`]?(?<alias>\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex AliasedTable();
}
