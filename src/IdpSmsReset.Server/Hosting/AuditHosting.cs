using IdpSmsReset.Core.Audit;
using IdpSmsReset.Server.Features.Shared.Audit;

namespace IdpSmsReset.Server.Hosting;

public static class AuditHosting
{
    /// <summary>The audit log: its settings, the request it reads where an event came from, and its writer.</summary>
    public static WebApplicationBuilder AddIdpAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditOptions>()
            .BindSection(builder.Configuration, AuditOptions.SectionName)
            .Validate(audit => !audit.Validate().Any(), "Idp:Audit is out of range (see AuditOptions).")
            .ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IAuditContext, RequestAuditContext>();
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }
}
