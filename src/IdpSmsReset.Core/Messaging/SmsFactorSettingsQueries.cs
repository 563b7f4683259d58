using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging;

public static class SmsFactorSettingsQueries
{
    /// <summary>The SMS factor's settings row, read-only; null before an administrator entered a Twilio account.</summary>
    public static Task<SmsFactorSettings?> SmsFactorSettingsAsync(this IdpDbContext database, CancellationToken cancellationToken) =>
        database.Set<SmsFactorSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
}
