using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

public static class AuditTrail
{
    /// <summary>The audit events about <paramref name="userName"/>, oldest first, as an administrator reads them.</summary>
    public static async Task<List<AuditEvent>> AuditEventsOfAsync(this IdpFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var userId = await database.Users.Where(user => user.UserName == userName).Select(user => user.Id).SingleAsync();
        return await database.Set<AuditEvent>().AsNoTracking().Where(e => e.SubjectUserId == userId).OrderBy(e
            => e.OccurredAt).ToListAsync();
    }

    /// <summary>The events of one type, about anyone or no one, oldest first.</summary>
    public static async Task<List<AuditEvent>> AuditEventsOfTypeAsync(this IdpFactory factory, string type)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        return await database.Set<AuditEvent>().AsNoTracking().Where(e => e.Type == type).OrderBy(e => e.OccurredAt).ToListAsync();
    }

    /// <summary>
    /// Waits until the background job has answered <paramref name="count"/> code requests of <paramref name="userName"/>
    /// (sent or not), and returns the audit trail then.
    /// </summary>
    public static async Task<List<AuditEvent>> WaitForCodeOutcomesAsync(this IdpFactory factory, string userName, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var events = await factory.AuditEventsOfAsync(userName);
            if (events.Count(e => e.Type is AuditEventTypes.PasswordResetCodeSent or AuditEventTypes.PasswordResetCodeNotSent) >= count
                || DateTime.UtcNow > deadline)
            {
                return events;
            }

            await Task.Delay(100);
        }
    }
}
