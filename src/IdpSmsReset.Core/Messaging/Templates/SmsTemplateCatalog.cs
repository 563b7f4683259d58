using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging.Templates;

/// <summary>
/// The stored templates, in memory: the texts of an SMS are written inside code-making callbacks that cannot wait for
/// the database. Loaded when the server starts, after the bootstrap file wrote its templates.
/// </summary>
public sealed class SmsTemplateCatalog
{
    private IReadOnlyDictionary<(string Purpose, string Language), string> _texts =
        new Dictionary<(string Purpose, string Language), string>();

    /// <summary>The administrator's text of <paramref name="purpose"/> in <paramref name="language"/>; null: the product's own.</summary>
    public string? Find(string purpose, string language) => _texts.GetValueOrDefault((purpose, language));

    public async Task LoadAsync(IdpDbContext database, CancellationToken cancellationToken) =>
        _texts = await database.Set<SmsTemplate>().AsNoTracking()
            .ToDictionaryAsync(template => (template.Purpose, template.Language), template => template.Text, cancellationToken);
}
