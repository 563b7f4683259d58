using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging;

/// <summary>Finds a user's phone where the SMS factor says it is: Identity's PhoneNumber, or a custom attribute.</summary>
public sealed class UserPhoneResolver(IdpDbContext database)
{
    public async Task<string?> GetPhoneAsync(ApplicationUser user, SmsFactorSettings settings, CancellationToken cancellationToken)
    {
        if (string.Equals(settings.PhoneField, SmsFactorSettings.DefaultPhoneField, StringComparison.Ordinal))
        {
            return string.IsNullOrWhiteSpace(user.PhoneNumber) ? null : user.PhoneNumber;
        }

        return await database.Set<UserAttribute>()
            .Where(attribute => attribute.UserId == user.Id && attribute.Name == settings.PhoneField)
            .Select(attribute => attribute.Value)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
