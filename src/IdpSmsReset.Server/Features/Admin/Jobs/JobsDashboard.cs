using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;

namespace IdpSmsReset.Server.Features.Admin.Jobs;

/// <summary>
/// Hangfire's dashboard at <c>/admin/jobs</c>, for administrators only: anyone signed out is sent to the login page,
/// anyone else gets 403. Job arguments are message ids, so it shows no message text or code; nor the connection string.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/admin/jobs";
    public const string AdministratorRole = AdminAccess.Role;

    public static WebApplication UseIdpJobsDashboard(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), guarded => guarded.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }

            if (context.RequestServices.GetRequiredService<AdministratorStepUp>().MustStepUp(context.User))
            {
                context.Response.Redirect(AdministratorStepUp.LoginUrl(context.Request));
                return;
            }

            if (!context.User.IsInRole(AdministratorRole))
            {
                await context.ForbidAsync();
                return;
            }

            await next(context);
        }));

        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new AdministratorsOnly()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
            DashboardTitle = "IdpSmsReset jobs",
        });
        return app;
    }

    /// <summary>Checked again inside the dashboard, should the guard above ever be bypassed.</summary>
    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var http = context.GetHttpContext();
            return http.User.IsInRole(AdministratorRole)
                && !http.RequestServices.GetRequiredService<AdministratorStepUp>().MustStepUp(http.User);
        }
    }
}
