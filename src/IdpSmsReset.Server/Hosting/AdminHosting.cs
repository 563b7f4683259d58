using IdpSmsReset.Core.Administration;
using IdpSmsReset.Server.Features.Admin;

namespace IdpSmsReset.Server.Hosting;

public static class AdminHosting
{
    /// <summary>The policy dashboard's services (its pages require the administrator role by folder convention, see <see
    /// cref="PagesHosting"/>).</summary>
    public static WebApplicationBuilder AddIdpAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AdminChanges>();
        builder.Services.AddScoped<AdminChangeLog>();
        builder.Services.AddScoped<AdminOverview>();
        builder.Services.AddScoped<AdminActivity>();
        builder.Services.AddScoped<AdminLogs>();
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddScoped<Core.Users.Import.UserImport>();
        builder.Services.AddScoped<FactorAdministration>();
        builder.Services.AddScoped<SmsFraudGuardAdministration>();
        builder.Services.AddScoped<MessageAdministration>();
        builder.Services.AddScoped<FirstAdministrator>();
        builder.Services.AddScoped<UserErasure>();
        builder.Services.AddScoped<PolicyAdministration>();
        builder.Services.AddScoped<PolicyDirectory>();
        builder.Services.AddScoped<ApplicationDirectory>();
        builder.Services.AddScoped<ApplicationAdministration>();
        return builder;
    }
}
