using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging.Templates;

/// <summary>
/// The stored templates, for the bootstrap file and the dashboard alike: each write moves the SMS stamp, so every
/// running instance reloads its <see cref="SmsTemplateCatalog"/> within <c>Idp:Cache:MaxAge</c>.
/// </summary>
public sealed class SmsTemplateStore(IdpDbContext database, TimeProvider time)
{
    public Task<List<SmsTemplate>> ListAsync(CancellationToken cancellationToken) =>
        database.Set<SmsTemplate>().AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>Stores <paramref name="text"/> (already checked by <see cref="SmsTemplateRules"/>); answers the text before.</summary>
    public async Task<string?> WriteAsync(string purpose, string language, string text, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(purpose, language, cancellationToken);
        var before = stored?.Text;
        if (before == text)
        {
            return before;
        }

        stored ??= database.Add(new SmsTemplate { Purpose = purpose, Language = language, Text = "" }).Entity;
        stored.Text = text;
        stored.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await database.SaveChangesAsync(cancellationToken);
        return before;
    }

    /// <summary>Back to the product's words; answers the text removed (null: there was none).</summary>
    public async Task<string?> RemoveAsync(string purpose, string language, CancellationToken cancellationToken)
    {
        if (await FindAsync(purpose, language, cancellationToken) is not { } stored)
        {
            return null;
        }

        database.Remove(stored);
        await database.SaveChangesAsync(cancellationToken);
        return stored.Text;
    }

    private Task<SmsTemplate?> FindAsync(string purpose, string language, CancellationToken cancellationToken) =>
        database.Set<SmsTemplate>().SingleOrDefaultAsync(t => t.Purpose == purpose && t.Language == language, cancellationToken);
}
