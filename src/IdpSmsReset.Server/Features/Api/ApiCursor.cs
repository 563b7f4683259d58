using System.Globalization;

namespace IdpSmsReset.Server.Features.Api;

/// <summary>
/// The cursor of a list ordered newest first by time, then id: the last row's both, so the next page starts right after
/// it however many rows share a time. Opaque to clients, who follow <c>next</c>.
/// </summary>
internal static class ApiCursor
{
    public static string Of(DateTime at, Guid id) => $"{at.Ticks.ToString(CultureInfo.InvariantCulture)}_{id}";

    public static bool TryRead(string cursor, out DateTime at, out Guid id)
    {
        var parts = cursor.Split('_');
        at = default;
        id = default;
        if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) || !Guid.TryParse(parts[1], out id)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        at = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    public static IResult Invalid() =>
        ApiProblems.Of(StatusCodes.Status400BadRequest, "invalid-cursor", "The cursor is not one this API gave.");
}
